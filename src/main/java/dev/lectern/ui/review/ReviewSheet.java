package dev.lectern.ui.review;

import dev.lectern.ui.common.FxmlViews;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/**
 * The review's layer in the window: a scrim over everything, the review on it. While it shows, it is modal the way
 * a dialog window would be: the scrim takes every click, keys that reach the layer go no further (the window's
 * menu shortcuts would otherwise act behind it), Tab cycles inside it, and focus that escapes is brought back.
 */
final class ReviewSheet {
    private final StackPane layer;
    private final ReviewDialogView view;
    private final ChangeListener<Node> keepFocusInside = (o, was, now) -> {
        if (now != null && !isInside(now)) {
            view().focusPreview();
        }
    };
    private Node focusedBefore;

    ReviewSheet(StackPane windowLayers, FxmlViews.Loaded<ReviewDialogView> loaded) {
        view = loaded.controller();
        loaded.root().setCache(true);
        layer = new StackPane(loaded.root());
        layer.setId("reviewLayer");
        layer.getStyleClass().add("review-layer");
        layer.getStylesheets().add(ReviewSheet.class.getResource("review-dialog.css").toExternalForm());
        layer.setVisible(false);
        layer.addEventFilter(KeyEvent.KEY_PRESSED, this::tab);
        layer.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        windowLayers.getChildren().add(layer);
    }

    ReviewDialogView view() {
        return view;
    }

    void show() {
        Scene scene = layer.getScene();
        focusedBefore = scene == null ? null : scene.getFocusOwner();
        layer.setVisible(true);
        view.focusPreview();
        if (scene != null) {
            scene.focusOwnerProperty().addListener(keepFocusInside);
        }
    }

    void hide() {
        Scene scene = layer.getScene();
        if (scene != null) {
            scene.focusOwnerProperty().removeListener(keepFocusInside);
        }
        layer.setVisible(false);
        if (focusedBefore != null && focusedBefore.getScene() == scene && focusedBefore.isVisible()) {
            focusedBefore.requestFocus(); // back where the author was when the review interrupted
        }
        focusedBefore = null;
    }

    /** Before the focused control: controls move focus on Tab through the whole window, this keeps it inside. */
    private void tab(KeyEvent e) {
        if (e.getCode() == KeyCode.TAB && !e.isShortcutDown() && !e.isAltDown()) {
            moveFocus(e.isShiftDown() ? -1 : 1);
            e.consume();
        }
    }

    /** After the focused control had its turn: Enter accepts, Esc rejects, and no key goes on to the window behind. */
    private void keyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            view.acceptIfAllowed();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            view.reject();
        }
        e.consume();
    }

    private void moveFocus(int step) {
        List<Node> stops = new ArrayList<>();
        collectStops(layer, stops);
        if (stops.isEmpty()) {
            return;
        }
        Node owner = layer.getScene() == null ? null : layer.getScene().getFocusOwner();
        int at = -1;
        for (int i = 0; i < stops.size(); i++) {
            for (Node n = owner; n != null; n = n.getParent()) {
                if (n == stops.get(i)) {
                    at = i;
                }
            }
        }
        int next = at < 0 ? 0 : Math.floorMod(at + step, stops.size());
        stops.get(next).requestFocus();
    }

    private static void collectStops(Parent parent, List<Node> stops) {
        for (Node child : parent.getChildrenUnmodifiable()) {
            if (!child.isVisible() || child.isDisabled()) {
                continue;
            }
            if (child.isFocusTraversable()) {
                stops.add(child);
            } else if (child instanceof Parent p) {
                collectStops(p, stops);
            }
        }
    }

    private boolean isInside(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == layer) {
                return true;
            }
        }
        return false;
    }
}
