package dev.lectern.ui.review;

import dev.lectern.ui.common.SpinClock;
import dev.lectern.ui.common.WorkingIndicator;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.AccessibleRole;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One image drawn through a {@link LinkedViewport}: every pane bound to the same viewport shows the same
 * region. Zoom with ctrl/cmd+scroll or a pinch, pan by dragging, scrolling or the arrow keys; double-click
 * toggles between fit and 2×. Shows a spinner while a load takes long and a message when there is no image.
 */
public final class ZoomableImagePane extends Region {
    private static final double KEY_PAN = 0.1;
    /** A load quicker than this shows no spinner at all, rather than one that flashes. */
    static final Duration SPINNER_DELAY = Duration.millis(250);

    private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
    private final StringProperty message = new SimpleStringProperty(this, "message");
    private final DoubleProperty revealFrom = new SimpleDoubleProperty(this, "revealFrom", 0);
    private final ImageView view = new ImageView();
    /**
     * Made when first needed: most images load before the spinner would show, and most never fail. A turning icon,
     * not a {@code ProgressIndicator}: that took over 50 ms of the UI thread to build in a fresh JVM (issue 4).
     */
    private WorkingIndicator spinner;
    private Label messageLabel;
    private final PauseTransition spinnerDelay = new PauseTransition(SPINNER_DELAY);
    private final ChangeListener<Rectangle2D> onRegion = (o, was, now) -> requestLayout();
    private LinkedViewport viewport = new LinkedViewport();
    /** Where the image is drawn inside this pane, for mapping the mouse onto the image. */
    private Rectangle2D drawn = Rectangle2D.EMPTY;
    private Point2D dragFrom;

    public ZoomableImagePane() {
        getStyleClass().add("zoomable-image-pane");
        view.setPreserveRatio(false); // the drawn box already has the region's aspect
        view.setSmooth(true);
        view.setManaged(false);
        view.getStyleClass().add("review-image");
        getChildren().add(view);
        spinnerDelay.setOnFinished(e -> {
            if (loading.get()) {
                spinner().setVisible(true);
            }
        });
        loading.addListener((o, was, now) -> {
            if (now) {
                spinnerDelay.playFromStart();
            } else {
                spinnerDelay.stop();
                if (spinner != null) {
                    spinner.setVisible(false);
                }
            }
        });
        message.addListener((o, was, now) -> {
            if (now != null && !now.isEmpty()) {
                messageLabel();
            }
        });
        view.imageProperty().bind(image);
        image.addListener((o, was, now) -> requestLayout());
        viewport.regionProperty().addListener(onRegion);

        // The clip also does the compare mode's split reveal: only the part right of revealFrom is drawn.
        Rectangle clip = new Rectangle();
        clip.xProperty().bind(widthProperty().multiply(revealFrom));
        clip.widthProperty().bind(widthProperty().subtract(clip.xProperty()));
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(ZoomEvent.ZOOM, this::onZoom);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            dragFrom = null;
            updateCursor(false);
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        viewport.zoomProperty().addListener((o, was, now) -> updateCursor(false));
    }

    /** Shares zoom and pan with every other pane given the same viewport. */
    public void setViewport(LinkedViewport next) {
        viewport.regionProperty().removeListener(onRegion);
        viewport = next;
        viewport.regionProperty().addListener(onRegion);
        requestLayout();
    }

    public LinkedViewport getViewport() {
        return viewport;
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** A readable sentence shown instead of the image (it could not be loaded, there is none). */
    public StringProperty messageProperty() {
        return message;
    }

    /** 0..1: the fraction of this pane, from the left, that is left undrawn (the compare divider). */
    public DoubleProperty revealFromProperty() {
        return revealFrom;
    }

    /** The part of the image, in its pixels, that is drawn now. */
    public Rectangle2D displayedViewport() {
        return view.getViewport();
    }

    public ImageView imageView() {
        return view;
    }

    private WorkingIndicator spinner() {
        if (spinner == null) {
            spinner = new WorkingIndicator(new SpinClock());
            spinner.setAccessibleText("Loading the image");
            spinner.getStyleClass().add("review-spinner");
            getChildren().add(spinner);
        }
        return spinner;
    }

    private Label messageLabel() {
        if (messageLabel == null) {
            messageLabel = new Label();
            messageLabel.setWrapText(true);
            messageLabel.setGraphic(new FontIcon("mdal-broken_image"));
            messageLabel.getStyleClass().add("review-image-message");
            messageLabel.textProperty().bind(message);
            messageLabel.visibleProperty().bind(message.isNotEmpty().and(loading.not()));
            getChildren().add(messageLabel);
        }
        return messageLabel;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        if (spinner != null) {
            layoutInArea(spinner, snappedLeftInset(), snappedTopInset(), w, h, 0, HPos.CENTER, VPos.CENTER);
        }
        if (messageLabel != null) {
            messageLabel.setMaxWidth(Math.max(0, w - 32));
            layoutInArea(messageLabel, snappedLeftInset(), snappedTopInset(), w, h, 0, HPos.CENTER, VPos.CENTER);
        }
        Image img = image.get();
        if (img == null || img.getWidth() <= 0 || w <= 0 || h <= 0) {
            drawn = Rectangle2D.EMPTY;
            view.setViewport(null);
            return;
        }
        Rectangle2D r = viewport.region();
        Rectangle2D pixels = new Rectangle2D(r.getMinX() * img.getWidth(), r.getMinY() * img.getHeight(),
                r.getWidth() * img.getWidth(), r.getHeight() * img.getHeight());
        double scale = Math.min(w / pixels.getWidth(), h / pixels.getHeight());
        double dw = pixels.getWidth() * scale;
        double dh = pixels.getHeight() * scale;
        drawn = new Rectangle2D(snappedLeftInset() + (w - dw) / 2, snappedTopInset() + (h - dh) / 2, dw, dh);
        view.setViewport(pixels);
        view.setFitWidth(dw);
        view.setFitHeight(dh);
        view.relocate(drawn.getMinX(), drawn.getMinY());
    }

    @Override
    protected double computePrefWidth(double height) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 300;
    }

    /** The normalised image point under (x, y) in this pane's coordinates, clamped onto the image. */
    private Point2D imagePointAt(double x, double y) {
        Rectangle2D r = viewport.region();
        if (drawn.getWidth() <= 0) {
            return new Point2D(r.getMinX() + r.getWidth() / 2, r.getMinY() + r.getHeight() / 2);
        }
        double fx = Math.max(0, Math.min(1, (x - drawn.getMinX()) / drawn.getWidth()));
        double fy = Math.max(0, Math.min(1, (y - drawn.getMinY()) / drawn.getHeight()));
        return new Point2D(r.getMinX() + fx * r.getWidth(), r.getMinY() + fy * r.getHeight());
    }

    private void onScroll(ScrollEvent e) {
        if (e.isShortcutDown() || e.isControlDown()) {
            if (e.getDeltaY() != 0) {
                Point2D anchor = imagePointAt(e.getX(), e.getY());
                viewport.zoomAt(e.getDeltaY() > 0 ? LinkedViewport.STEP : 1 / LinkedViewport.STEP, anchor.getX(), anchor.getY());
            }
            e.consume();
        } else if (viewport.zoom() > 1 && drawn.getWidth() > 0) {
            panByPixels(-e.getDeltaX(), -e.getDeltaY());
            e.consume();
        }
    }

    private void onZoom(ZoomEvent e) {
        Point2D anchor = imagePointAt(e.getX(), e.getY());
        viewport.zoomAt(e.getZoomFactor(), anchor.getX(), anchor.getY());
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.PRIMARY) {
            dragFrom = new Point2D(e.getX(), e.getY());
            updateCursor(true);
        }
    }

    private void onDragged(MouseEvent e) {
        if (dragFrom == null || drawn.getWidth() <= 0) {
            return;
        }
        // Dragging moves the picture with the pointer, so the region moves the other way.
        panByPixels(dragFrom.getX() - e.getX(), dragFrom.getY() - e.getY());
        dragFrom = new Point2D(e.getX(), e.getY());
        e.consume();
    }

    private void onClicked(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            if (viewport.zoom() > 1) {
                viewport.fit();
            } else {
                Point2D anchor = imagePointAt(e.getX(), e.getY());
                viewport.zoomAt(2, anchor.getX(), anchor.getY());
            }
        }
    }

    private void onKey(KeyEvent e) {
        Rectangle2D r = viewport.region();
        switch (e.getCode()) {
            case LEFT -> viewport.panBy(-KEY_PAN * r.getWidth(), 0);
            case RIGHT -> viewport.panBy(KEY_PAN * r.getWidth(), 0);
            case UP -> viewport.panBy(0, -KEY_PAN * r.getHeight());
            case DOWN -> viewport.panBy(0, KEY_PAN * r.getHeight());
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void panByPixels(double dx, double dy) {
        Rectangle2D r = viewport.region();
        viewport.panBy(dx / drawn.getWidth() * r.getWidth(), dy / drawn.getHeight() * r.getHeight());
    }

    private void updateCursor(boolean dragging) {
        setCursor(viewport.zoom() > 1 ? (dragging ? Cursor.CLOSED_HAND : Cursor.OPEN_HAND) : Cursor.DEFAULT);
    }
}
