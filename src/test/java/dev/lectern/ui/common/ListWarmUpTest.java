package dev.lectern.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The off-screen run through a list's rows: every item reaches a row, no window shows it, and it stops. */
class ListWarmUpTest {
    private final FxRobot robot = new FxRobot();
    private final List<String> items = IntStream.range(0, 100).mapToObj(i -> "item " + i).toList();
    private final Set<String> shown = ConcurrentHashMap.newKeySet();
    /** Rows that were updated while in a window, or in no scene at all: there must be none. */
    private final Set<String> misplaced = ConcurrentHashMap.newKeySet();
    /** The stylesheets each row met. */
    private final Set<List<String>> sheets = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private ListWarmUp<String> warmUp(ListView<String> list) {
        list.setFixedCellSize(24);
        list.setCellFactory(l -> recordingRow());
        return new ListWarmUp<>(list, items, List.of(), 300, 200);
    }

    private ListCell<String> recordingRow() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && item != null) {
                    shown.add(item);
                    if (getScene() == null || getScene().getWindow() != null) {
                        misplaced.add(item);
                    } else {
                        sheets.add(List.copyOf(getScene().getStylesheets()));
                    }
                }
            }
        };
    }

    @Test
    void everyItemReachesARowOffScreenAndThenTheRunStops() throws Exception {
        ListView<String> list = new ListView<>();
        ListWarmUp<String> warmUp = warmUp(list);
        robot.interact(() -> warmUp.start());

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !warmUp.running()).get());

        assertThat(shown).containsExactlyInAnyOrderElementsOf(items);
        assertThat(misplaced).as("every row was in a scene of its own, which no window shows").isEmpty();
        assertThat(list.getScene()).as("at the end the list leaves that scene").isNull();
        assertThat(list.getItems()).as("and drops its items").isEmpty();
        int rows = shown.size();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        robot.interact(() -> { });
        assertThat(shown).as("nothing more happens once it has stopped").hasSize(rows);
    }

    @Test
    void stoppedMidwayItBringsInNoMoreRows() throws Exception {
        ListView<String> list = new ListView<>();
        ListWarmUp<String> warmUp = warmUp(list);
        robot.interact(() -> warmUp.start());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !shown.isEmpty());

        robot.interact(warmUp::stop);
        int rows = shown.size();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        robot.interact(() -> { });

        assertThat(shown).hasSize(rows).hasSizeLessThan(items.size());
        assertThat(WaitForAsyncUtils.asyncFx(warmUp::running).get()).isFalse();
    }

    @Test
    void stoppedBeforeItsFirstStepItBuildsNothing() throws Exception {
        ListView<String> list = new ListView<>();
        ListWarmUp<String> warmUp = warmUp(list);
        robot.interact(() -> {
            warmUp.start();
            warmUp.stop();
            warmUp.start(Duration.millis(5)); // the window closed before a delayed start
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        robot.interact(() -> { });

        assertThat(shown).isEmpty();
        assertThat(list.getScene()).isNull();
    }

    @Test
    void standingInForAListItTakesItsLookAndEveryStylesheetThatReachesIt() throws Exception {
        String windowSheet = getClass().getResource("/dev/lectern/ui/lectern.css").toExternalForm();
        String panelSheet = getClass().getResource("/dev/lectern/ui/runs/runs-panel.css").toExternalForm();
        ListView<String> shownList = new ListView<>();
        ListView<String> offScreen = new ListView<>();
        ListWarmUp<String> warmUp = WaitForAsyncUtils.asyncFx(() -> {
            shownList.getStyleClass().add("segment-list");
            shownList.setFixedCellSize(37);
            VBox panel = new VBox(shownList);
            panel.getStylesheets().add(panelSheet);
            new Scene(new StackPane(panel), 500, 300).getStylesheets().add(windowSheet);
            return ListWarmUp.standingInFor(shownList, offScreen, items);
        }).get();
        offScreen.setCellFactory(l -> recordingRow());
        robot.interact(() -> warmUp.start());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !warmUp.running()).get());

        assertThat(sheets).containsExactly(List.of(windowSheet, panelSheet));
        assertThat(offScreen.getStyleClass()).contains("segment-list");
        assertThat(offScreen.getFixedCellSize()).isEqualTo(37);
        assertThat(shown).containsExactlyInAnyOrderElementsOf(items);
    }
}
