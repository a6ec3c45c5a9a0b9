package dev.lectern.lecture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The project's generation settings (seed §4: {@code config: projectSettings}). Every value is optional: an
 * unset value falls through to the next rung of the resolution chain. Values are validated on the way in so
 * a project file never holds a width of "wide".
 */
public record ProjectSettings(Image image, Video video, Runs runs) {
    public static final String IMAGE_MODEL = "image.model";
    public static final String IMAGE_WIDTH = "image.width";
    public static final String IMAGE_HEIGHT = "image.height";
    public static final String IMAGE_ASPECT_RATIO = "image.aspectRatio";
    public static final String IMAGE_STYLE = "image.style";
    public static final String IMAGE_CANDIDATES = "image.candidates";
    public static final String VIDEO_IMAGE_MODEL = "video.imageModel";
    public static final String RUNS_ARCHIVE_AFTER_DAYS = "runs.archiveAfterDays";
    public static final List<String> KEYS = List.of(IMAGE_MODEL, IMAGE_WIDTH, IMAGE_HEIGHT, IMAGE_ASPECT_RATIO, IMAGE_STYLE,
            IMAGE_CANDIDATES, VIDEO_IMAGE_MODEL, RUNS_ARCHIVE_AFTER_DAYS);
    /** A hundred years: any longer is "never", which is the unset value. */
    public static final int MAX_ARCHIVE_DAYS = 36_500;

    public static final int MAX_SIDE = 8192;
    private static final int MAX_TEXT = 2000;
    private static final Pattern ASPECT = Pattern.compile("([1-9][0-9]{0,3}):([1-9][0-9]{0,3})");

    /** @param candidates how many images a regeneration asks for when the editor does not say, 1 to {@value Candidate#MAX} */
    public record Image(String model, Integer width, Integer height, String aspectRatio, String style, Integer candidates) {
        public Image(String model, Integer width, Integer height, String aspectRatio, String style) {
            this(model, width, height, aspectRatio, style, null);
        }
    }

    public record Video(String imageModel) {
    }

    /** @param archiveAfterDays finished runs last changed longer ago than this are archived (decision 0026); null: never */
    public record Runs(Integer archiveAfterDays) {
    }

    public static final ProjectSettings EMPTY =
            new ProjectSettings(new Image(null, null, null, null, null, null), new Video(null), new Runs(null));

    public ProjectSettings {
        Objects.requireNonNull(image);
        Objects.requireNonNull(video);
        Objects.requireNonNull(runs);
    }

    /** The value of a key as text, or null when unset. */
    public String get(String key) {
        Object v = switch (requireKey(key)) {
            case IMAGE_MODEL -> image.model();
            case IMAGE_WIDTH -> image.width();
            case IMAGE_HEIGHT -> image.height();
            case IMAGE_ASPECT_RATIO -> image.aspectRatio();
            case IMAGE_STYLE -> image.style();
            case IMAGE_CANDIDATES -> image.candidates();
            case RUNS_ARCHIVE_AFTER_DAYS -> runs.archiveAfterDays();
            default -> video.imageModel();
        };
        return v == null ? null : v.toString();
    }

    /** A copy with one key set; a null or blank value clears it. Throws {@link InvalidInputException}. */
    public ProjectSettings with(String key, String rawValue) {
        String value = rawValue == null || rawValue.isBlank() ? null : rawValue.strip();
        Image i = image;
        Video v = video;
        Runs r = runs;
        switch (requireKey(key)) {
            case IMAGE_MODEL -> i = new Image(text(key, value), i.width(), i.height(), i.aspectRatio(), i.style(), i.candidates());
            case IMAGE_WIDTH -> i = new Image(i.model(), side(key, value), i.height(), i.aspectRatio(), i.style(), i.candidates());
            case IMAGE_HEIGHT -> i = new Image(i.model(), i.width(), side(key, value), i.aspectRatio(), i.style(), i.candidates());
            case IMAGE_ASPECT_RATIO -> i = new Image(i.model(), i.width(), i.height(), aspect(value), i.style(), i.candidates());
            case IMAGE_STYLE -> i = new Image(i.model(), i.width(), i.height(), i.aspectRatio(), text(key, value), i.candidates());
            case IMAGE_CANDIDATES -> i = new Image(i.model(), i.width(), i.height(), i.aspectRatio(), i.style(), candidates(key, value));
            case RUNS_ARCHIVE_AFTER_DAYS -> r = new Runs(archiveAfterDays(key, value));
            default -> v = new Video(text(key, value));
        }
        return new ProjectSettings(i, v, r);
    }

    /** Every key with its value (null when unset), in {@link #KEYS} order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        KEYS.forEach(k -> map.put(k, get(k)));
        return map;
    }

    public static ProjectSettings fromMap(Map<String, String> values) {
        ProjectSettings s = EMPTY;
        for (Map.Entry<String, String> e : values.entrySet()) {
            s = s.with(e.getKey(), e.getValue());
        }
        return s;
    }

    private static String requireKey(String key) {
        if (!KEYS.contains(key)) {
            throw new InvalidInputException("unknown setting '" + key + "'; known settings: " + String.join(", ", KEYS));
        }
        return key;
    }

    private static String text(String key, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidInputException(key + " is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static Integer side(String key, String value) {
        return value == null ? null : inRange(key, value, value, 64, MAX_SIDE, "a whole number of pixels from 64 to " + MAX_SIDE);
    }

    /** Also what the editor and {@code --candidates} are held to. */
    public static Integer candidates(String key, String value) {
        return value == null ? null : inRange(key, value, value.strip(), 1, Candidate.MAX, "a whole number from 1 to " + Candidate.MAX);
    }

    /** 0 means never, the same as unset, so it is stored as unset: one spelling of "never" in the file. */
    private static Integer archiveAfterDays(String key, String value) {
        if (value == null) {
            return null;
        }
        int n = inRange(key, value, value, 0, MAX_ARCHIVE_DAYS, "a whole number of days from 0 (never) to " + MAX_ARCHIVE_DAYS);
        return n == 0 ? null : n;
    }

    /** {@code text} (the setting's {@code value}, perhaps trimmed) as a whole number from {@code min} to {@code max}. */
    private static int inRange(String key, String value, String text, int min, int max, String range) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the accepted range
        }
        throw new InvalidInputException(key + " must be " + range + ", got '" + value + "'");
    }

    private static String aspect(String value) {
        if (value == null) {
            return null;
        }
        if (!ASPECT.matcher(value).matches()) {
            throw new InvalidInputException(IMAGE_ASPECT_RATIO + " must look like 16:9, got '" + value + "'");
        }
        return value;
    }
}
