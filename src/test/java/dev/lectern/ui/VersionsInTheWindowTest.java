package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Candidate;
import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Project;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.TestImages;
import dev.lectern.ui.main.ImageVersionTag;
import dev.lectern.ui.main.ReviewFlow;
import dev.lectern.ui.segment.SegmentEditorViewModel;
import dev.lectern.ui.store.ProjectSession;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16 in the real window, on the sample project and the offline title-card model: several images per
 * regeneration with the strip in the review, "Use These Settings" recalling a version's prompt, model and seed
 * (undoable), the author's own image dropped on the segment's image (and bad files refused with nothing changed),
 * and Prune offering to compact the file.
 */
class VersionsInTheWindowTest {
    static final String SEGMENT = "seg-02";

    @TempDir
    Path home;
    final FxRobot robot = new FxRobot();
    Path file;
    TestApp.Launched app;
    ProjectSession session;

    @BeforeEach
    void setUp() throws Exception {
        file = home.resolve("course.lectern");
        assertThat(CliRun.of("new", file, "--sample").exitCode()).isZero();
        assertThat(CliRun.of("settings", file, "image.width=320", "image.height=180", "image.candidates=2").exitCode()).isZero();
        app = TestApp.launch(home, b -> { }, file.toString());
        session = app.get(ProjectSession.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> session.store().segments().size() > 2));
        fx(() -> {
            robot.lookup("#segmentList").queryListView().getSelectionModel().select(1);
            return null;
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theImagesCountStartsAtTheProjectSettingAndTheReviewStripsThemAll() throws Exception {
        @SuppressWarnings("unchecked")
        Spinner<Integer> count = robot.lookup("#candidates").queryAs(Spinner.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> count.getValue() == 2));
        fx(() -> {
            count.getValueFactory().setValue(3);
            return null;
        });
        robot.clickOn("#regenerate");

        Node review = awaitReview();
        HBox strip = robot.from(review).lookup("#candidateStrip").queryAs(HBox.class);
        assertThat(fx(() -> strip.getChildren().size())).as("three images drawn, three tiles").isEqualTo(3);
        Run run = reviewedRun();
        assertThat(run.candidates()).hasSize(3);
        robot.clickOn(fx(() -> strip.getChildren().get(2)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#candidateLabel").queryLabeled().getText())
                .equals("Image 3 of 3"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !robot.lookup("#acceptButton").queryButton().isDisabled()));
        robot.type(KeyCode.ENTER);

        int third = run.candidate(3).orElseThrow().version();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> segmentInFile().imageVersion() == third);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> (segmentInFile().imageKey() + "@v" + third)
                .equals(ImageVersionTag.get(robot.lookup("#committedImage").queryAs(ImageView.class)))));
    }

    @Test
    void useTheseSettingsRecallsPromptModelAndSeedAsOneUndoableDraft() throws Exception {
        session.regenerate(SEGMENT, 1);
        Node review = awaitReview();
        Run drawn = reviewedRun();
        Candidate candidate = drawn.candidates().get(0);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> segmentInFile().imageVersion() == candidate.version());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !review.isVisible()));

        TextArea prompt = robot.lookup("#prompt").queryAs(TextArea.class);
        robot.clickOn(prompt).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("something else entirely");
        ListView<VersionEntry> versions = showHistory();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> versions.getItems().size() == 2));
        fx(() -> {
            versions.getSelectionModel().select(0); // the version just accepted: newest first
            return null;
        });
        assertThat(fx(() -> versions.getSelectionModel().getSelectedItem().version().seed())).isEqualTo(candidate.seed());
        robot.clickOn("#useSettingsButton");

        assertThat(fx(() -> prompt.getText())).as("the version's prompt is back in the editor").isEqualTo(drawn.settings().prompt());
        Button seedBadge = robot.lookup("#seedBadge").queryButton();
        assertThat(fx(() -> seedBadge.isVisible())).isTrue();
        assertThat(fx(() -> seedBadge.getText())).isEqualTo("Seed " + candidate.seed());
        assertThat(fx(() -> session.store().draft(SEGMENT).seed())).isEqualTo(candidate.seed());

        fx(() -> {
            session.store().undo();
            return null;
        });
        assertThat(fx(() -> prompt.getText())).as("one undo takes the recall back, not the typing before it").isEqualTo("something else entirely");
        assertThat(fx(() -> seedBadge.isVisible())).isFalse();
        fx(() -> {
            session.store().redo();
            return null;
        });
        assertThat(fx(() -> session.store().draft(SEGMENT).seed())).isEqualTo(candidate.seed());

        session.regenerate(SEGMENT, 1);
        awaitReview();
        Run again = reviewedRun();
        assertThat(again.id()).isNotEqualTo(drawn.id());
        assertThat(again.candidates().get(0).seed()).as("the recalled seed draws again").isEqualTo(candidate.seed());
        assertThat(again.candidates().get(0).sha256()).as("same prompt, model and seed: the same picture").isEqualTo(candidate.sha256());
    }

    @Test
    void aDroppedImageGoesThroughReviewAndIsAcceptedAsItIs() throws Exception {
        Path png = home.resolve("my drawing.png");
        byte[] bytes = TestImages.png(480, 270);
        Files.write(png, bytes);
        SegmentEditorViewModel editor = app.get(SegmentEditorViewModel.class);

        assertThat(fx(() -> editor.useDropped(List.of(png.toFile(), png.toFile()))))
                .as("two files at once: which one? refused").isFalse();
        assertThat(fx(() -> editor.useDropped(List.of(png.toFile())))).isTrue();
        awaitReview();
        Run offered = reviewedRun();
        assertThat(offered.requestedModel()).isEqualTo("file");
        robot.type(KeyCode.ENTER);

        int version = offered.candidates().get(0).version();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> segmentInFile().imageVersion() == version);
        Project p = fx(() -> session.project());
        assertThat(p.images().bytes(segmentInFile().imageKey(), version).orElseThrow()).as("byte for byte").isEqualTo(bytes);
    }

    @Test
    void badFilesAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        Path text = Files.writeString(home.resolve("notes.png"), "these are my notes, not a picture");
        Path huge = Files.write(home.resolve("huge.png"), TestImages.pngHeader(100_000, 100_000));
        Path big = home.resolve("big.png");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(60L * 1024 * 1024);
        }
        Path folder = Files.createDirectory(home.resolve("pictures"));
        Project p = fx(() -> session.project());
        String before = ImageContent.sha256(p.images().bytes(segmentInFile().imageKey(), segmentInFile().imageVersion()).orElseThrow());
        int versionBefore = segmentInFile().imageVersion();
        int runsBefore = fx(() -> session.runs().size());

        assertRefused(text, "notes.png");
        assertRefused(huge, "100000");
        assertRefused(big, "MiB");
        assertRefused(folder, "folder");

        assertThat(segmentInFile().imageVersion()).isEqualTo(versionBefore);
        assertThat(ImageContent.sha256(p.images().bytes(segmentInFile().imageKey(), versionBefore).orElseThrow())).isEqualTo(before);
        assertThat(fx(() -> session.runs().size())).as("no run was made for a bad file").isEqualTo(runsBefore);
        assertThat(p.images().versions(segmentInFile().imageKey())).as("no version was added").hasSize(1);
    }

    @Test
    void pruneOffersToCompactTheFileAndCompactingShrinksIt() throws Exception {
        session.regenerate(SEGMENT, 4);
        awaitReview();
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> session.runs().stream().allMatch(r -> r.status().isTerminal())));
        ListView<VersionEntry> versions = showHistory();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> versions.getItems().size() == 5));
        long sizeBefore = onDisk();

        robot.clickOn("#pruneButton");
        clickDialogButton(ButtonType.OK.getText());
        DialogPane offer = awaitDialog();
        assertThat(fx(() -> offer.getHeaderText())).isEqualTo("Compact the project file?");
        assertThat(fx(() -> offer.getContentText())).contains("back to the disk");
        clickDialogButton("Compact Now");

        Label message = robot.lookup("#historyMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> message.getText()).startsWith("Compacted: "));
        assertThat(fx(() -> versions.getItems().size())).as("the four rejected ones are gone").isEqualTo(1);
        assertThat(onDisk()).as("the file gave the pruned images back").isLessThan(sizeBefore);
        assertThat(fx(() -> message.getText())).doesNotContain("0 bytes given back");
    }

    private long onDisk() throws Exception {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        return Files.size(file) + (Files.exists(wal) ? Files.size(wal) : 0);
    }

    private void assertRefused(Path bad, String reason) throws Exception {
        SegmentEditorViewModel editor = app.get(SegmentEditorViewModel.class);
        assertThat(fx(() -> editor.useDropped(List.of(bad.toFile())))).isTrue();
        DialogPane dialog = awaitDialog();
        assertThat(fx(() -> dialog.getHeaderText())).isEqualTo("This file cannot be used as the starting image");
        assertThat(fx(() -> dialog.getContentText())).as(bad.toString()).contains(reason);
        clickDialogButton(ButtonType.OK.getText());
        assertThat(fx(() -> app.get(ReviewFlow.class).reviewing().isPresent())).as("no review for a refused file").isFalse();
    }

    private ListView<VersionEntry> showHistory() throws Exception {
        fx(() -> {
            TabPane tabs = robot.lookup(".segment-editor").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("History")).findFirst().orElseThrow());
            return null;
        });
        @SuppressWarnings("unchecked")
        ListView<VersionEntry> list = robot.lookup("#versionList").queryAs(ListView.class);
        return list;
    }

    private DialogPane awaitDialog() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").queryAs(DialogPane.class);
    }

    private void clickDialogButton(String text) throws Exception {
        DialogPane pane = awaitDialog();
        Button button = fx(() -> pane.getButtonTypes().stream().filter(t -> t.getText().equals(text)).findFirst()
                .map(t -> (Button) pane.lookupButton(t)).orElseThrow());
        robot.clickOn(button);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> button.getScene() == null || !button.getScene().getWindow().isShowing()));
    }

    private Node awaitReview() throws Exception {
        ReviewFlow flow = app.get(ReviewFlow.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> flow.reviewing().isPresent()));
        Node review = robot.lookup("#reviewLayer").query();
        Button accept = robot.from(review).lookup("#acceptButton").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !accept.isDisabled()));
        return review;
    }

    /** The run whose review is showing, as the window knows it. */
    private Run reviewedRun() throws Exception {
        return fx(() -> {
            String id = app.get(ReviewFlow.class).reviewing().orElseThrow();
            return session.runs().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        });
    }

    private VideoAsset segmentInFile() throws Exception {
        Project p = fx(() -> session.project());
        String lecture = fx(() -> session.store().lectureProperty().get().id());
        return p.lectures().load(lecture).orElseThrow().video(SEGMENT).orElseThrow();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
