package dev.lectern.ui.common;

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

    private Tips() {
    }

    public static void setText(Node node, String text) {
        node.getProperties().put(KEY, text);
        node.setAccessibleHelp(text);
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip tooltip = new Tooltip(getText(node));
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
