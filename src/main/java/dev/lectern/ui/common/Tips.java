package dev.lectern.ui.common;

import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Tooltips made when the pointer first reaches their node, written in FXML as {@code Tips.text="…"}. A
 * {@link Tooltip} is a popup window with its own scene: making thirty of them with the views cost a fifth of the
 * main view's load time at start-up. The text is also the node's accessible help, as a tooltip's would be.
 */
public final class Tips {
    private static final String KEY = Tips.class.getName();
    private static final double MAX_WIDTH = 480;

    private Tips() {
    }

    public static void setText(Node node, String text) {
        node.getProperties().put(KEY, text);
        node.setAccessibleHelp(text);
        installOnFirstHover(node, tooltip -> tooltip.setText(getText(node)));
    }

    /** A tip that follows {@code text}, for text that changes (a caption cut short shows all of it here). */
    public static void bindText(Node node, ObservableValue<String> text) {
        node.accessibleHelpProperty().bind(text);
        installOnFirstHover(node, tooltip -> tooltip.textProperty().bind(text));
    }

    private static void installOnFirstHover(Node node, Consumer<Tooltip> fill) {
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip tooltip = new Tooltip();
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(MAX_WIDTH);
                fill.accept(tooltip);
                if (node instanceof Control control) {
                    control.setTooltip(tooltip);
                } else {
                    Tooltip.install(node, tooltip);
                }
            }
        });
    }

    public static String getText(Node node) {
        return (String) node.getProperties().get(KEY);
    }
}
