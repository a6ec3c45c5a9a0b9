package dev.lectern.ui.batch;

import dev.lectern.generation.BatchService;
import dev.lectern.generation.SegmentSelection;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.Background;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Which segments a whole-lecture regeneration takes (issue 17): all, or the ones selected in the list, narrowed by
 * their current image (older than a day, made by a model, title cards). The count is the generation layer's
 * answer ({@link BatchService#preview}), read off the FX thread after every change: the author sees how many
 * paid calls they are about to start.
 */
public final class RegenerateBatchViewModel {
    private final BatchService batches;
    private final Background background;
    private final BooleanProperty onlySelected = new SimpleBooleanProperty(this, "onlySelected");
    private final BooleanProperty olderThanOn = new SimpleBooleanProperty(this, "olderThanOn");
    private final ObjectProperty<LocalDate> olderThan = new SimpleObjectProperty<>(this, "olderThan", LocalDate.now());
    private final BooleanProperty madeByOn = new SimpleBooleanProperty(this, "madeByOn");
    private final StringProperty madeBy = new SimpleStringProperty(this, "madeBy");
    private final BooleanProperty titleCardsOnly = new SimpleBooleanProperty(this, "titleCardsOnly");
    private final ObservableList<String> models = FXCollections.observableArrayList();
    /** How many segments the batch would take; -1 while counting. */
    private final IntegerProperty count = new SimpleIntegerProperty(this, "count", -1);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Counting…");
    private final BooleanBinding startable = count.greaterThan(0);
    private Project project;
    private String lectureId;
    private int allCount;
    private List<String> selectedIds = List.of();
    /** Counts recounts started: a slow count for an earlier choice never overwrites a later one's. */
    private int asked;

    @Inject
    public RegenerateBatchViewModel(BatchService batches, Background background) {
        this.batches = batches;
        this.background = background;
        for (Observable o : new Observable[] {onlySelected, olderThanOn, olderThan, madeByOn, madeBy, titleCardsOnly}) {
            o.addListener(x -> recount());
        }
    }

    /** A fresh choice over the lecture's {@code allCount} segments, {@code selected} of them selected in the list. */
    public void start(Project project, String lectureId, int allCount, List<String> selected, List<String> modelsInUse) {
        this.project = project;
        this.lectureId = lectureId;
        this.allCount = allCount;
        this.selectedIds = List.copyOf(selected);
        models.setAll(modelsInUse);
        madeBy.set(modelsInUse.isEmpty() ? null : modelsInUse.get(0));
        onlySelected.set(selected.size() > 1);
        recount();
    }

    public BooleanProperty onlySelectedProperty() {
        return onlySelected;
    }

    public BooleanProperty olderThanOnProperty() {
        return olderThanOn;
    }

    public ObjectProperty<LocalDate> olderThanProperty() {
        return olderThan;
    }

    public BooleanProperty madeByOnProperty() {
        return madeByOn;
    }

    public StringProperty madeByProperty() {
        return madeBy;
    }

    public BooleanProperty titleCardsOnlyProperty() {
        return titleCardsOnly;
    }

    public ObservableList<String> models() {
        return models;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    /** "Regenerates 5 of 9 segments", or why none. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BooleanBinding startableBinding() {
        return startable;
    }

    /** "All 9 segments" / "The 3 selected segments": the two scopes, for the radio buttons. */
    public String allText() {
        return "All " + allCount + " segments of the lecture";
    }

    public String selectedText() {
        return "The " + selectedIds.size() + " selected in the list";
    }

    public boolean hasSelection() {
        return selectedIds.size() > 1;
    }

    /** What the author chose. */
    public SegmentSelection selection() {
        return new SegmentSelection(onlySelected.get() ? selectedIds : List.of(),
                olderThanOn.get() && olderThan.get() != null ? olderThan.get().atStartOfDay(ZoneId.systemDefault()).toInstant() : null,
                madeByOn.get() ? madeBy.get() : null, titleCardsOnly.get());
    }

    private void recount() {
        Project p = project;
        if (p == null) {
            return;
        }
        int mine = ++asked;
        SegmentSelection selection = selection();
        count.set(-1);
        summary.set("Counting…");
        background.run(() -> batches.preview(p, lectureId, selection), chosen -> {
            if (mine == asked) {
                count.set(chosen.size());
                summary.set("Regenerates " + chosen.size() + " of " + allCount + " segments, each with the settings it resolves to. "
                        + "The current images stay until you accept.");
            }
        }, e -> {
            if (mine == asked) {
                count.set(0);
                summary.set(capitalised(e.getMessage()) + ".");
            }
        });
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? "Nothing to regenerate" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
