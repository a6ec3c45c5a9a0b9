package dev.lectern.ui.review;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.Image;

/** One side of the review (committed or preview): its picture, whether it is still loading, and its captions. */
public final class ImageSide {
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper model = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper size = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper created = new ReadOnlyStringWrapper("");

    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Empty, or a sentence saying why there is no picture. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelProperty() {
        return model.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sizeProperty() {
        return size.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdProperty() {
        return created.getReadOnlyProperty();
    }

    void captions(String promptText, String modelText, int width, int height) {
        prompt.set(promptText == null || promptText.isBlank() ? "(no prompt)" : promptText);
        model.set(modelText == null || modelText.isBlank() ? "(unknown model)" : modelText);
        size.set(width > 0 && height > 0 ? width + " × " + height : "unknown");
    }

    void created(String when) {
        created.set(when);
    }

    /** Back to empty: a closed dialog keeps no picture in memory. */
    void clear() {
        image.set(null);
        loading.set(false);
        problem.set("");
        prompt.set("");
        model.set("");
        size.set("");
        created.set("");
    }

    void loading() {
        image.set(null);
        problem.set("");
        loading.set(true);
    }

    void loaded(Image picture) {
        loading.set(false);
        if (picture.isError()) {
            failed("The image could not be decoded.");
        } else {
            image.set(picture);
        }
    }

    void failed(String why) {
        loading.set(false);
        image.set(null);
        problem.set(why);
    }
}
