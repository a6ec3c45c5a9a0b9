package dev.lectern.lecture;

import java.util.Map;
import java.util.Objects;

/**
 * One video segment of a lecture (seed §2). The seed's fields, plus the segment's title and position; any
 * field Lectern does not know is kept in {@code extra} so that an export gives back what was imported.
 *
 * @param position     index in the lecture's {@code videos} array
 * @param imageVersion the committed version of the starting image in the project file, null when none is
 *                     stored; not part of the web record
 * @param startingImageUrl legacy (pre-{@code videoPath}) records only; read, never written by Lectern
 */
public record VideoAsset(
        String id,
        String title,
        int position,
        String videoPath,
        String startingImageId,
        String startingImageModel,
        String segmentStartImagePrompt,
        String startingImageUrl,
        Integer imageVersion,
        Map<String, Object> extra) {

    public VideoAsset {
        Ids.requireValid("segment id", id);
        if (startingImageId != null) {
            Ids.requireValid("startingImageId of segment " + id, startingImageId);
        }
        if (imageVersion != null && imageVersion < 1) {
            throw new IllegalArgumentException("image versions start at 1");
        }
        extra = JsonValues.frozen(extra);
    }

    /**
     * The key under which this segment's image versions are stored: its {@code startingImageId}, or for a
     * legacy record the file name in {@code startingImageUrl} (seed §7.3). Null when neither gives a valid id.
     */
    public String imageKey() {
        if (startingImageId != null) {
            return startingImageId;
        }
        return legacyImageKey(startingImageUrl);
    }

    /** {@code /api/storage/u/p/l/images/abc.jpg?v=3} → {@code abc}. */
    public static String legacyImageKey(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String path = url;
        int cut = indexOfAny(path, "?#");
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        return Ids.isValid(name) ? name : null;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    public VideoAsset withPosition(int newPosition) {
        return new VideoAsset(id, title, newPosition, videoPath, startingImageId, startingImageModel,
                segmentStartImagePrompt, startingImageUrl, imageVersion, extra);
    }

    public VideoAsset withPrompt(String prompt) {
        return new VideoAsset(id, title, position, videoPath, startingImageId, startingImageModel,
                prompt, startingImageUrl, imageVersion, extra);
    }

    /** The accepted result of a regeneration: same id, new prompt, model, image id and version. */
    public VideoAsset withStartingImage(String imageId, int version, String model, String prompt) {
        return new VideoAsset(id, title, position, videoPath, Objects.requireNonNull(imageId), model,
                prompt, startingImageUrl, version, extra);
    }

    public VideoAsset withImageVersion(Integer version) {
        return new VideoAsset(id, title, position, videoPath, startingImageId, startingImageModel,
                segmentStartImagePrompt, startingImageUrl, version, extra);
    }
}
