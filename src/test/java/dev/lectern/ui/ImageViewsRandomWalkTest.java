package dev.lectern.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lectern.generation.VersionService;
import dev.lectern.lecture.LectureSegment;
import dev.lectern.lecture.ReviewOutcome;
import dev.lectern.lecture.Run;
import dev.lectern.lecture.RunStatus;
import dev.lectern.lecture.VersionEntry;
import dev.lectern.storage.Project;
import dev.lectern.testing.CliRun;
import dev.lectern.testing.TestImages;
import dev.lectern.ui.history.HistoryViewModel;
import dev.lectern.ui.main.ImageVersionTag;
import dev.lectern.ui.main.SegmentItem;
import dev.lectern.ui.store.ProjectSession;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Hundreds of random steps — regenerate (one image or several), accept, accept another candidate, discard one,
 * reject, cancel, restore an old version, review an own image, select, restart — through the real window.
 * After each, every image view (list thumbnails, the editor's committed image) must show exactly the
 * (image id, version) the project file says the segment has: never a stale picture.
 */
class ImageViewsRandomWalkTest {
    static final int STEPS = Integer.getInteger("lectern.walk.steps", 400);
    static final long SEED = Long.getLong("lectern.walk.seed", 424242L);

    @TempDir
    Path home;
    final FxRobot robot = new FxRobot();
    final Random random = new Random(SEED);
    /** The run the last accept, reject or cancel step answered. */
    String answered;
    /** The candidate the last discard step threw away, or null for an accept. */
    Integer discarded;

    TestApp.Launched app;
    Path file;

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyImageViewShowsTheCommittedVersionAfterEveryStep() throws Exception {
        file = home.resolve("walk.lectern");
        assertThat(CliRun.of("new", file, "--sample").exitCode()).isZero();
        assertThat(CliRun.of("settings", file, "image.width=320", "image.height=180").exitCode()).isZero();
        launch();
        Map<String, Integer> counts = new HashMap<>();
        for (int step = 0; step < STEPS; step++) {
            String newestBefore = newestRun();
            String action = step(step);
            counts.merge(action, 1, Integer::sum);
            awaitStepDone(action, newestBefore);
            settle();
            assertViewsMatchTheFile("step " + step + " (" + action + "), seed " + SEED);
        }
        System.out.println("random walk: " + STEPS + " steps " + counts + ", seed " + SEED);
        assertThat(counts).containsKeys("regenerate", "regenerate-candidates", "accept", "accept-candidate", "discard", "reject",
                "cancel", "restore", "own-image", "restart");
    }

    private String step(int step) throws Exception {
        ProjectSession session = app.get(ProjectSession.class);
        List<Run> waiting = fx(() -> session.runs().stream().filter(r -> r.status() == RunStatus.AWAITING_REVIEW).toList());
        int roll = random.nextInt(100);
        if (roll < 4 && step > 0) {
            app.close();
            launch();
            return "restart";
        }
        if (roll < 15) {
            int index = random.nextInt(9);
            fx(() -> {
                ListView<SegmentItem> list = robot.lookup("#segmentList").queryListView();
                list.getSelectionModel().select(index);
                list.scrollTo(index);
                return null;
            });
            return "select";
        }
        List<Run> several = waiting.stream().filter(r -> r.liveCandidates().size() > 1).toList();
        if (!several.isEmpty() && roll < 27) {
            Run run = several.get(random.nextInt(several.size()));
            answered = run.id();
            // what Left/Right then Enter, or Delete, do in the review: accept the candidate shown, or throw one away
            int index = run.liveCandidates().get(random.nextInt(run.liveCandidates().size())).index();
            discarded = roll < 21 ? null : index;
            fx(() -> {
                if (discarded == null) {
                    session.review(run, ReviewOutcome.ACCEPTED, index);
                } else {
                    session.discard(run, index);
                }
                return null;
            });
            return discarded == null ? "accept-candidate" : "discard";
        }
        if (roll < 32) {
            return restore(session) ? "restore" : "select";
        }
        if (roll < 36) {
            Path mine = home.resolve("own-" + step + ".png");
            Files.write(mine, TestImages.png(320, 180, new Color(random.nextInt(0xFFFFFF))));
            String segment = "seg-0" + (1 + random.nextInt(9));
            fx(() -> {
                session.useImage(segment, mine, error -> { throw new AssertionError("a good PNG was refused", error); });
                return null;
            });
            return "own-image";
        }
        if (!waiting.isEmpty() && roll < 75) {
            Run run = waiting.get(random.nextInt(waiting.size()));
            answered = run.id();
            if (roll < 50) {
                Integer first = run.liveCandidates().isEmpty() ? null : run.liveCandidates().get(0).index(); // Enter on the first shown
                fx(() -> {
                    session.review(run, ReviewOutcome.ACCEPTED, first);
                    return null;
                });
                return "accept";
            }
            if (roll < 65) {
                fx(() -> {
                    session.review(run, ReviewOutcome.REJECTED);
                    return null;
                });
                return "reject";
            }
            fx(() -> {
                session.cancel(run);
                return null;
            });
            return "cancel";
        }
        String segment = "seg-0" + (1 + random.nextInt(9));
        int images = roll < 88 ? 1 : 2 + random.nextInt(3);
        fx(() -> {
            session.regenerate(segment, images);
            return null;
        });
        return images == 1 ? "regenerate" : "regenerate-candidates";
    }

    /** The History tab's Restore, as its view-model does it (off the FX thread): an earlier version made current again. */
    private boolean restore(ProjectSession session) throws Exception {
        Project p = fx(session::project);
        String segment = "seg-0" + (1 + random.nextInt(9));
        String ref = fx(() -> session.store().lectureProperty().get().id()) + "/" + segment;
        VersionService versions = app.get(VersionService.class);
        List<VersionEntry> old = versions.history(p, ref).versions().stream().filter(HistoryViewModel::canRestore).toList();
        if (old.isEmpty()) {
            return false;
        }
        versions.restore(p, ref, old.get(random.nextInt(old.size())).version().version());
        return true;
    }

    /** The newest run's id (null before the first): a step that starts a run changes it. Cheap: one indexed row. */
    private String newestRun() throws Exception {
        Project p = fx(() -> app.get(ProjectSession.class).project());
        List<Run> newest = p == null ? List.of() : p.runs().page(1, null, null, false);
        return newest.isEmpty() ? null : newest.get(0).id();
    }

    /**
     * The step's own effect is in the file: an answered or cancelled run has ended, a regenerate has made its run.
     * Without this a check could pass on the state before the step and the step land during the comparison.
     */
    private void awaitStepDone(String action, String newestBefore) throws Exception {
        Project p = fx(() -> app.get(ProjectSession.class).project());
        switch (action) {
            case "accept", "reject", "cancel" -> WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> p.runs().find(answered).orElseThrow().status().isTerminal());
            case "accept-candidate" -> WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> p.runs().find(answered).orElseThrow().status().isTerminal());
            case "discard" -> WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> p.runs().find(answered).orElseThrow().candidates()
                    .stream().anyMatch(c -> c.index() == discarded && c.discarded()));
            case "regenerate", "regenerate-candidates", "own-image" -> WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> !java.util.Objects.equals(newestRun(), newestBefore));
            default -> { }
        }
    }

    private void launch() throws Exception {
        app = TestApp.launch(home, b -> { }, file.toString());
        ProjectSession session = app.get(ProjectSession.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> session.store().segments().size()) == 9);
    }

    /** Waits until no run is working, the store matches the file, and every visible view has loaded its image. */
    private void settle() throws Exception {
        // Twice: the layout after the first wait can bring a cell on screen (a scroll), which then loads its image.
        settleOnce();
        settleOnce();
    }

    private void settleOnce() throws Exception {
        ProjectSession session = app.get(ProjectSession.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            Project p = fx(session::project);
            if (p == null || p.runs().unfinished().stream().anyMatch(r -> r.status() == RunStatus.QUEUED || r.status() == RunStatus.RUNNING)) {
                return false;
            }
            Map<String, String> inFile = committedInFile(p);
            boolean storeCurrent = fx(() -> session.store().segments().stream()
                    .allMatch(i -> java.util.Objects.equals(inFile.get(i.video().id()), ImageVersionTag.of(i.imageKey(), i.imageVersion()))));
            return storeCurrent && fx(() -> views().values().stream().allMatch(v -> ImageVersionTag.get(v) != null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertViewsMatchTheFile(String when) throws Exception {
        ProjectSession session = app.get(ProjectSession.class);
        Map<String, String> inFile = committedInFile(fx(session::project));
        Map<String, ImageView> views = fx(this::views);
        assertThat(views).as("views checked at %s", when).isNotEmpty();
        for (Map.Entry<String, ImageView> e : views.entrySet()) {
            String segment = e.getKey().substring(e.getKey().indexOf(':') + 1);
            assertThat(fx(() -> ImageVersionTag.get(e.getValue()))).as("%s shows %s at %s", e.getKey(), segment, when)
                    .isEqualTo(inFile.get(segment));
        }
    }

    /** Every image view that shows a segment's committed image, by "where:segmentId". */
    private Map<String, ImageView> views() {
        Map<String, ImageView> out = new HashMap<>();
        Set<ListCell> cells = robot.lookup(".segment-cell").queryAllAs(ListCell.class);
        for (ListCell<?> cell : cells) {
            if (cell.getItem() instanceof SegmentItem item && cell.getGraphic() != null && showing(cell)) {
                out.put("list[" + cell.getIndex() + "]:" + item.video().id(), (ImageView) cell.getGraphic().lookup(".image-view"));
            }
        }
        ListView<SegmentItem> list = robot.lookup("#segmentList").queryListView();
        SegmentItem selected = list.getSelectionModel().getSelectedItem();
        if (selected != null) {
            out.put("editor:" + selected.video().id(), robot.lookup("#committedImage").queryAs(ImageView.class));
        }
        return out;
    }

    /** On screen: the cell and every parent visible (the list's hidden measuring cell does not count). */
    private static boolean showing(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> committedInFile(Project p) {
        Map<String, String> out = new HashMap<>();
        for (LectureSegment s : p.lectures().allSegments()) {
            out.put(s.video().id(), ImageVersionTag.of(s.video().imageKey(), s.video().imageVersion()));
        }
        return out;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
    }
}
