package dev.lectern.ui.runs;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** The runs older than those the panel shows: whether there are any, and how to show the next page of them. */
public interface OlderRuns {
    ReadOnlyBooleanProperty availableProperty();

    /** Whether the next page is of archived runs (decision 0026): every live one is shown. */
    ReadOnlyBooleanProperty archivedProperty();

    /** Reads the next page off the FX thread; the runs list grows when it arrives. */
    void showMore();

    static OlderRuns of(ReadOnlyBooleanProperty available, ReadOnlyBooleanProperty archived, Runnable showMore) {
        return new OlderRuns() {
            @Override
            public ReadOnlyBooleanProperty availableProperty() {
                return available;
            }

            @Override
            public ReadOnlyBooleanProperty archivedProperty() {
                return archived;
            }

            @Override
            public void showMore() {
                showMore.run();
            }
        };
    }

    /** None: for panels shown without a project file behind them (tests, the warm-up). */
    OlderRuns NONE = of(new SimpleBooleanProperty(false), new SimpleBooleanProperty(false), () -> { });
}
