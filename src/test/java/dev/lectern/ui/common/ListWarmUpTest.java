package dev.lectern.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private ListWarmUp<String> warmUp(ListView<String> list) {
        list.setFixedCellSize(24);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (!empty && item != null) {
                    shown.add(item);
                }
            }
        });
        return new ListWarmUp<>(list, items, List.of(), 300, 200);
    }

    @Test
    void everyItemReachesARowOffScreenAndThenTheRunStops() throws Exception {
        ListView<String> list = new ListView<>();
        ListWarmUp<String> warmUp = warmUp(list);
        robot.interact(warmUp::start);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !warmUp.running()).get());

        assertThat(shown).containsExactlyInAnyOrderElementsOf(items);
        assertThat(list.getScene()).as("the list is in a scene of its own").isNotNull();
        assertThat(list.getScene().getWindow()).as("which no window shows").isNull();
        int rows = shown.size();
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        robot.interact(() -> { });
        assertThat(shown).as("nothing more happens once it has stopped").hasSize(rows);
    }

    @Test
    void stoppedMidwayItBringsInNoMoreRows() throws Exception {
        ListView<String> list = new ListView<>();
        ListWarmUp<String> warmUp = warmUp(list);
        robot.interact(warmUp::start);
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
        });
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        robot.interact(() -> { });

        assertThat(shown).isEmpty();
        assertThat(list.getScene()).isNull();
    }
}
