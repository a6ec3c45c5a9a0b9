package dev.lectern.storage;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.ImageInspector;
import dev.lectern.lecture.InvalidInputException;
import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.VideoAsset;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports the web app's lecture record, with the images found beside it as {@code images/<startingImageId>.png|jpg}.
 * Everything is read and checked before the project is touched, and then written in one transaction: a
 * rejected import leaves the project exactly as it was.
 */
public final class LectureImporter {
    public static final long MAX_RECORD_BYTES = 32L * 1024 * 1024;
    private static final List<String> IMAGE_EXTENSIONS = List.of("png", "jpg", "jpeg");

    private final Clock clock;

    @Inject
    public LectureImporter(Clock clock) {
        this.clock = clock;
    }

    public record Result(String lectureId, int segments, int imagesImported, boolean replaced) {
    }

    public Result importFile(Project project, Path recordFile) {
        Lecture lecture = readRecord(recordFile);
        Map<String, ImageContent> images = readImages(recordFile.toAbsolutePath().getParent().resolve("images"), lecture);
        Optional<Lecture> previous = project.lectures().load(lecture.id());
        return project.transaction(() -> {
            List<VideoAsset> videos = new ArrayList<>();
            for (VideoAsset v : lecture.videos()) {
                videos.add(v.withImageVersion(versionFor(project, v, images, previous)));
            }
            project.lectures().save(new Lecture(lecture.id(), lecture.title(), lecture.revision(), lecture.updatedAt(),
                    videos, lecture.otherContent(), lecture.extra()));
            return new Result(lecture.id(), videos.size(), images.size(), previous.isPresent());
        });
    }

    private Lecture readRecord(Path file) {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException("no such lecture record: " + file);
            }
            long size = Files.size(file);
            if (size > MAX_RECORD_BYTES) {
                throw new InvalidInputException(name + " is " + size / (1024 * 1024) + " MiB; a lecture record may be at most "
                        + MAX_RECORD_BYTES / (1024 * 1024) + " MiB");
            }
            root = JsonSupport.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidInputException(name + " is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return LectureJson.read(root, clock.instant());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name + ": " + e.getMessage(), e);
        }
    }

    /** Image bytes by image key, each checked to be a PNG or JPEG inside {@code imagesDir}. */
    private static Map<String, ImageContent> readImages(Path imagesDir, Lecture lecture) {
        Map<String, ImageContent> found = new HashMap<>();
        if (!Files.isDirectory(imagesDir)) {
            return found;
        }
        for (VideoAsset v : lecture.videos()) {
            String key = v.imageKey();
            if (key == null || found.containsKey(key)) {
                continue;
            }
            for (String ext : IMAGE_EXTENSIONS) {
                Path candidate = imagesDir.resolve(key + "." + ext);
                if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                    found.put(key, readImage(imagesDir, candidate));
                    break;
                }
            }
        }
        return found;
    }

    private static ImageContent readImage(Path imagesDir, Path file) {
        String shown = "images/" + file.getFileName();
        try {
            if (!file.toRealPath().startsWith(imagesDir.toRealPath())) {
                throw new InvalidInputException(shown + " points outside the images folder; copy the image in instead of linking it");
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + shown + ": " + e.getMessage(), e);
        }
        return ImageFiles.read(file, shown);
    }

    /**
     * The version a segment points at after import: its image file if one came with the record; otherwise
     * what the same segment pointed at before a re-import, or the newest stored version of its image.
     */
    private static Integer versionFor(Project project, VideoAsset v, Map<String, ImageContent> images, Optional<Lecture> previous) {
        String key = v.imageKey();
        if (key == null) {
            return null;
        }
        ImageContent image = images.get(key);
        if (image != null) {
            return project.images().addUnlessPresent(key, image,
                    new ImageRepository.Provenance(v.startingImageModel(), v.segmentStartImagePrompt(), null)).version();
        }
        Optional<Integer> before = previous.flatMap(l -> l.video(v.id()))
                .filter(old -> key.equals(old.imageKey()))
                .map(VideoAsset::imageVersion);
        if (before.isPresent()) {
            return before.get();
        }
        List<dev.lectern.lecture.ImageVersion> stored = project.images().versions(key);
        return stored.isEmpty() ? null : stored.get(stored.size() - 1).version();
    }
}
