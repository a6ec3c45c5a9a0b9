package dev.lectern.ui.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.lecture.Lecture;
import dev.lectern.lecture.SegmentDraft;
import dev.lectern.lecture.VideoAsset;
import dev.lectern.storage.Access;
import dev.lectern.storage.Project;
import dev.lectern.storage.ProjectFiles;
import dev.lectern.storage.Schema;
import dev.lectern.ui.common.Background;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The observable store: drafts over the committed lecture, undo/redo, autosave, and the seed's refresh rules. */
class LectureStoreTest {
    @TempDir
    Path dir;
    ProjectFiles files;
    Project project;
    LectureStore store;
    final Background background = new Background();

    @BeforeAll
    static void fx() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() throws Exception {
        files = new ProjectFiles(Schema.current(), Clock.systemUTC());
        project = files.create(dir.resolve("p.lectern"), null, p -> p.lectures().save(new Lecture("lec", "L", 1, "2026-01-01T00:00:00.000Z",
                List.of(new VideoAsset("s1", null, 0, null, null, "titlecard", "first prompt", null, null, Map.of()),
                        new VideoAsset("s2", null, 1, null, null, null, "second prompt", null, null, Map.of())), Map.of(), Map.of())));
        store = new LectureStore(background);
        fx(() -> {
            store.show(project, project.lectures().load("lec").orElseThrow(), project.drafts().load("lec"));
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        project.close();
        background.shutdown();
    }

    @Test
    void typedTextIsSavedToTheProjectAsItIsTyped() throws Exception {
        fx(() -> {
            store.editPrompt("s1", "first prompt, at dusk");
            return null;
        });
        awaitSaved();
        assertThat(project.drafts().load("lec")).containsEntry("s1", new SegmentDraft("first prompt, at dusk", null));
        assertThat(fx(() -> store.hasDraftsProperty().get())).isTrue();
        assertThat(fx(() -> store.committed("s1").orElseThrow().segmentStartImagePrompt())).as("the committed prompt is unchanged")
                .isEqualTo("first prompt");

        // A new store on the same file (as after a crash) gets the draft back.
        project.close();
        project = files.open(dir.resolve("p.lectern"), Access.READ_WRITE);
        LectureStore reopened = new LectureStore(background);
        assertThat(fx(() -> {
            reopened.show(project, project.lectures().load("lec").orElseThrow(), project.drafts().load("lec"));
            return reopened.effectivePrompt("s1");
        })).isEqualTo("first prompt, at dusk");
    }

    @Test
    void undoAndRedoWalkThroughDraftEdits() throws Exception {
        fx(() -> {
            store.editPrompt("s1", "a");
            store.editModel("s1", "local/sdxl");
            store.editPrompt("s2", "b");
            return null;
        });
        assertThat(fx(() -> store.effectivePrompt("s2"))).isEqualTo("b");
        fx(() -> {
            store.undo();
            return null;
        });
        assertThat(fx(() -> store.effectivePrompt("s2"))).isEqualTo("second prompt");
        assertThat(fx(() -> store.editorModel("s1"))).isEqualTo("local/sdxl");
        fx(() -> {
            store.undo();
            store.undo();
            return null;
        });
        assertThat(fx(() -> store.hasDraftsProperty().get())).isFalse();
        assertThat(fx(() -> store.canUndoProperty().get())).isFalse();
        fx(() -> {
            store.redo();
            return null;
        });
        assertThat(fx(() -> store.effectivePrompt("s1"))).isEqualTo("a");
        awaitSaved();
        assertThat(project.drafts().load("lec")).containsOnlyKeys("s1");
    }

    @Test
    void typingIntoOneSegmentIsOneUndoStep() throws Exception {
        fx(() -> {
            for (String text : List.of("f", "fi", "fir", "firs", "first")) {
                store.editPrompt("s2", text);
            }
            store.undo();
            return null;
        });
        assertThat(fx(() -> store.effectivePrompt("s2"))).isEqualTo("second prompt");
    }

    @Test
    void editingBackToTheCommittedTextIsNoDraft() throws Exception {
        fx(() -> {
            store.editPrompt("s1", "changed");
            store.editPrompt("s1", "first prompt");
            return null;
        });
        assertThat(fx(() -> store.hasDraftsProperty().get())).isFalse();
    }

    @Test
    void acceptShowsTheNewPromptAtOnceButTheImageOnlyAfterRefresh() throws Exception {
        fx(() -> {
            store.editPrompt("s1", "accepted prompt");
            return null;
        });
        // The workflow commits version 1 of a new image for s1 in the project file...
        byte[] png = dev.lectern.testing.TestImages.png(32, 18);
        project.transaction(() -> {
            int v = project.images().add("video-img-r1-s1", png, dev.lectern.storage.ImageRepository.Provenance.UNKNOWN).version();
            Lecture l = project.lectures().load("lec").orElseThrow();
            project.lectures().save(l.withVideo(l.video("s1").orElseThrow().withStartingImage("video-img-r1-s1", v, "titlecard", "accepted prompt")));
            return null;
        });
        // ...the accept path applies the delta...
        fx(() -> {
            store.applyAssetUpdate("s1", "accepted prompt", "titlecard");
            return null;
        });
        assertThat(fx(() -> store.committed("s1").orElseThrow().segmentStartImagePrompt())).isEqualTo("accepted prompt");
        assertThat(fx(() -> store.committed("s1").orElseThrow().imageVersion())).as("image unchanged until completion").isNull();
        assertThat(fx(() -> store.hasDraftsProperty().get())).as("the draft became the committed prompt").isFalse();
        // ...and the completion event reloads.
        fx(() -> {
            store.refreshLecture(e -> { });
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> store.committed("s1").orElseThrow().imageVersion()) != null);
        assertThat(fx(() -> store.segments().get(0).imageKey())).isEqualTo("video-img-r1-s1");
    }

    private void awaitSaved() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> store.saveStateProperty().get()).equals("saved"));
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }
}
