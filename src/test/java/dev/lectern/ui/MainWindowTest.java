package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.LectureSummary;
import dev.lectern.lecture.ProjectSettings;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.Timestamps;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.testing.ListRows;
import dev.lectern.testing.TestProjects;
import dev.lectern.ui.main.SegmentItem;
import dev.lectern.ui.store.ProjectSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: the sample on first start, thumbnails off the FX thread, errors a person can read. */
class MainWindowTest {
    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();

    private TestApp.Launched launched;

    private Stage launch(String... args) throws Exception {
        launched = TestApp.launch(home, b -> { }, args);
        return launched.stage();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (launched != null) {
            launched.close();
        }
    }

    @Test
    void firstStartOpensTheSampleWithItsStartingImages() throws Exception {
        Stage stage = launch();
        assertThat(stage.getTitle()).isEqualTo("Lectern");
        ListView<SegmentItem> list = robot.lookup("#segmentList").queryListView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() >= 8);
        assertThat(list.getItems()).allSatisfy(item -> assertThat(item.imageVersion()).isEqualTo(1));
        assertThat(Files.exists(home.resolve("data/Sample Lecture.lectern"))).isTrue();

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            Set<ImageView> views = robot.lookup(".segment-cell .image-view").queryAllAs(ImageView.class);
            return !views.isEmpty() && views.stream().allMatch(v -> v.getImage() != null && v.getImage().getWidth() > 0);
        });
        int rows = WaitForAsyncUtils.asyncFx(() -> ListRows.assertEveryRowFitsTheFixedHeight(list)).get(10, TimeUnit.SECONDS);
        assertThat(rows).as("rows on screen, each as tall as the others and holding its two-line prompt").isGreaterThanOrEqualTo(4);
        ImageView first = robot.lookup(".segment-cell .image-view").queryAs(ImageView.class);
        assertThat(first.getImage().getWidth()).as("a thumbnail, not the full image").isLessThanOrEqualTo(320);
        assertThat(Files.list(home.resolve("cache/renditions")).count()).as("renditions cached on disk").isPositive();
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertThat(status.getText()).endsWith("Sample Lecture.lectern");
    }

    @Test
    void closingTheProjectShowsTheStartScreenWhoseRecentListReopensIt() throws Exception {
        Path file = home.resolve("mine.lectern");
        new ProjectFiles(Schema.current(), Clock.systemUTC()).create(file, "Mine", p -> { }).close();
        launch(file.toString());
        Label title = robot.lookup(".project-title").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "Mine".equals(title.getText()));
        assertThat(robot.lookup("#startScreen").tryQuery()).as("not built while a project is open").isEmpty();
        assertThat(robot.lookup("#lectureChoice").tryQuery()).as("no lecture chooser for a project of one lecture").isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.W).release(KeyCode.W, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#startScreen").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(robot.lookup("#mainSplit").query().isVisible()).isFalse();
        ListView<Path> recent = robot.lookup("#recentList").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> recent.getItems().contains(file));

        robot.clickOn(robot.from(recent).lookup((ListCell<?> cell) -> file.equals(cell.getItem())).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#mainSplit").query().isVisible());
        assertThat(robot.lookup("#startScreen").query().isVisible()).isFalse();
        assertThat(title.getText()).isEqualTo("Mine");
    }

    @Test
    void theWindowArchivesOldFinishedRunsByTheSettingAndDoesNotLoadThem() throws Exception {
        Path file = home.resolve("runs.lectern");
        TestProjects.create(file);
        Instant longAgo = Instant.now().minus(Duration.ofDays(60));
        try (Project p = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            for (String id : List.of("rold", "rnew")) {
                Instant at = id.equals("rold") ? longAgo : Instant.now().minus(Duration.ofDays(1));
                Run r = Run.requested(id, TestProjects.LECTURE, TestProjects.SEGMENT, null, null, null, null, at);
                p.runs().insert(r);
                p.runs().update(r.withStatus(RunStatus.SUCCEEDED, at, "done"));
            }
            p.settings().save(ProjectSettings.EMPTY.with(ProjectSettings.RUNS_ARCHIVE_AFTER_DAYS, "30"));
        }
        launch(file.toString());
        ProjectSession session = launched.get(ProjectSession.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session.project() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(WaitForAsyncUtils.asyncFx(() -> session.runs().stream().map(Run::id).toList()).get(10, TimeUnit.SECONDS))
                .containsExactly("rnew");
        assertThat(session.project().runs().page(10, null, null, true)).extracting(Run::id).containsExactly("rold");
    }

    @Test
    void aSecondStartReopensTheLastProjectAndAProjectInUseOpensReadOnly() throws Exception {
        Path file = home.resolve("mine.lectern");
        ProjectFiles files = new ProjectFiles(Schema.current(), Clock.systemUTC());
        files.create(file, "Mine", p -> { }).close();
        try (Project heldElsewhere = files.open(file, Access.READ_WRITE)) {
            launch(file.toString());
            Label status = robot.lookup("#status").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().contains("read-only"));
            assertThat(status.getText()).as("says who holds the project")
                    .contains("is open in another Lectern (process " + ProcessHandle.current().pid());
            assertThat(robot.lookup(".project-title").queryAs(Label.class).getText()).isEqualTo("Mine");
            assertThat(heldElsewhere.info().readOnly()).isFalse();
        }
    }

    @Test
    void aProjectWithASecondLectureGetsALectureChooserThatSwitchesTheList() throws Exception {
        Path file = home.resolve("two.lectern");
        TestProjects.create(file);
        try (Project project = new ProjectFiles(Schema.current(), Clock.systemUTC()).open(file, Access.READ_WRITE)) {
            List<VideoAsset> harbours = List.of(
                    new VideoAsset("h-1", "Piers", 0, null, null, null, "a pier at noon", null, null, Map.of()),
                    new VideoAsset("h-2", "Cranes", 1, null, null, null, "cranes at dusk", null, null, Map.of()));
            project.lectures().save(new Lecture("lec-2", "Harbours", 1, Timestamps.format(Instant.now()), harbours, Map.of(), Map.of()));
        }
        launch(file.toString());
        ListView<SegmentItem> list = robot.lookup("#segmentList").queryListView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() == 3);
        ComboBox<LectureSummary> choice = robot.lookup("#lectureChoice").queryComboBox();
        assertThat(choice.isVisible()).isTrue();
        assertThat(choice.getItems()).extracting(LectureSummary::title).containsExactlyInAnyOrder("Lighthouses", "Harbours");

        robot.interact(() -> choice.getSelectionModel().select(
                choice.getItems().stream().filter(l -> l.id().equals("lec-2")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() == 2);
        assertThat(list.getItems()).extracting(item -> item.video().id()).containsExactly("h-1", "h-2");
    }

    @Test
    void aDamagedProjectGetsAClearMessageNotAStackTrace() throws Exception {
        Path file = home.resolve("broken.lectern");
        Files.writeString(file, "this is not a project");
        launch(file.toString());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("The project could not be opened");
        assertThat(dialog.getContentText()).contains("broken.lectern is not a Lectern project").doesNotContain("Exception");
        assertThat(Files.readString(file)).isEqualTo("this is not a project");
        robot.interact(() -> Window.getWindows().stream().filter(w -> w != FxToolkit.toolkitContext().getRegisteredStage())
                .toList().forEach(w -> ((Stage) w).close()));
    }
}
