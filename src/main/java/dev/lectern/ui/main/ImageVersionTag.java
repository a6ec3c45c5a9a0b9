package dev.lectern.ui.main;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/**
 * Every image view records which (image id, version) it shows, set together with the picture. Views compare
 * it before showing a late-loaded image, and tests compare it with the project file.
 */
public final class ImageVersionTag {
    public static final String KEY = "lectern.imageVersion";

    private ImageVersionTag() {
    }

    public static String of(String imageKey, Integer version) {
        return imageKey == null || version == null ? null : imageKey + "@v" + version;
    }

    public static void set(ImageView view, Image image, String tag) {
        view.setImage(image);
        if (tag == null) {
            view.getProperties().remove(KEY);
        } else {
            view.getProperties().put(KEY, tag);
        }
    }

    public static String get(ImageView view) {
        return (String) view.getProperties().get(KEY);
    }
}
