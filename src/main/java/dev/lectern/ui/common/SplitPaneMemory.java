package dev.lectern.ui.common;

import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SplitPane;

/** Restores a split pane's dividers from {@link UiPreferences} and keeps them up to date. */
final class SplitPaneMemory {
    private final UiPreferences preferences;
    private final String name;
    private final SplitPane pane;
    private final InvalidationListener save = o -> save();
    private boolean restored;

    SplitPaneMemory(UiPreferences preferences, String name, SplitPane pane) {
        this.preferences = preferences;
        this.name = name;
        this.pane = pane;
    }

    void attach() {
        pane.getDividers().forEach(d -> d.positionProperty().addListener(save));
        // Dividers appear as items are added: restore once the pane has as many as were saved.
        pane.getDividers().addListener((ListChangeListener<SplitPane.Divider>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(d -> d.positionProperty().addListener(save));
            }
            restoreIfReady();
        });
        restoreIfReady();
    }

    private void restoreIfReady() {
        if (restored) {
            return;
        }
        preferences.dividers(name).filter(p -> p.length == pane.getDividers().size()).ifPresent(p -> {
            restored = true;
            pane.setDividerPositions(p);
        });
    }

    private void save() {
        if (!pane.getDividers().isEmpty()) {
            preferences.setDividers(name, pane.getDividerPositions());
        }
    }
}
