package dev.lectern.ui.review;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Rectangle2D;

/**
 * The region of the image every pane shows, in normalised image coordinates (0..1 on both axes), so two
 * images of different pixel sizes still show the same part of the picture. Zoom 1 is "fit": the whole image.
 */
public final class LinkedViewport {
    public static final double MIN_ZOOM = 1;
    public static final double MAX_ZOOM = 16;
    /** One button press or one wheel notch. */
    public static final double STEP = 1.25;

    private final ReadOnlyObjectWrapper<Rectangle2D> region = new ReadOnlyObjectWrapper<>(new Rectangle2D(0, 0, 1, 1));
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(1);
    private double centerX = 0.5;
    private double centerY = 0.5;

    /** The visible part of the image, normalised; panes listen to this one property. */
    public ReadOnlyObjectProperty<Rectangle2D> regionProperty() {
        return region.getReadOnlyProperty();
    }

    public Rectangle2D region() {
        return region.get();
    }

    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.getReadOnlyProperty();
    }

    public double zoom() {
        return zoom.get();
    }

    public void zoomIn() {
        zoomAt(STEP, centerX, centerY);
    }

    public void zoomOut() {
        zoomAt(1 / STEP, centerX, centerY);
    }

    public void fit() {
        set(1, 0.5, 0.5);
    }

    /** Zooms by {@code factor} keeping the image point ({@code anchorX}, {@code anchorY}) where it is on screen. */
    public void zoomAt(double factor, double anchorX, double anchorY) {
        double next = clamp(zoom.get() * factor, MIN_ZOOM, MAX_ZOOM);
        double kept = zoom.get() / next;
        set(next, anchorX + (centerX - anchorX) * kept, anchorY + (centerY - anchorY) * kept);
    }

    /** Moves the visible region by a fraction of the whole image. */
    public void panBy(double dx, double dy) {
        set(zoom.get(), centerX + dx, centerY + dy);
    }

    private void set(double nextZoom, double cx, double cy) {
        double half = 0.5 / nextZoom;
        centerX = clamp(cx, half, 1 - half);
        centerY = clamp(cy, half, 1 - half);
        zoom.set(nextZoom);
        region.set(new Rectangle2D(centerX - half, centerY - half, 2 * half, 2 * half));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
