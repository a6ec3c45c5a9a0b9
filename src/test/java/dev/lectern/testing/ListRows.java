package dev.lectern.testing;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** Checks on a list whose rows have one fixed height (set in CSS): every filled row is that tall and holds its content. */
public final class ListRows {
    private ListRows() {
    }

    /** Call on the FX thread, after a layout pass; returns how many filled rows were checked. */
    public static int assertEveryRowFitsTheFixedHeight(ListView<?> list) {
        double fixed = list.getFixedCellSize();
        assertThat(fixed).as("a fixed row height from the stylesheet").isPositive();
        int checked = 0;
        for (Node node : list.lookupAll(".list-cell")) {
            ListCell<?> cell = (ListCell<?>) node;
            if (cell.isEmpty() || cell.getGraphic() == null || !cell.isVisible()) {
                continue;
            }
            double width = cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
            double content = cell.snappedTopInset() + cell.getGraphic().prefHeight(width) + cell.snappedBottomInset();
            assertThat(cell.getHeight()).as("row of %s", cell.getItem()).isEqualTo(fixed);
            assertThat(content).as("what the row of %s needs", cell.getItem()).isLessThanOrEqualTo(fixed);
            checked++;
        }
        return checked;
    }
}
