package dev.lectern.ui.main;

import dev.lectern.lecture.VideoAsset;
import dev.lectern.ui.common.ListWarmUp;
import dev.lectern.ui.store.LectureStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.ListView;

/**
 * The segment list's rows, made and scrolled through off screen once after start-up, so that the first real
 * scroll runs compiled code (decision 0015). Its rows have no project: they load no thumbnail.
 */
final class SegmentListWarmUp {
    /** Enough rows for the JIT to compile what a row runs: a few hundred calls each. */
    static final int ROWS = 400;

    private SegmentListWarmUp() {
    }

    static ListWarmUp<SegmentItem> of(ListView<SegmentItem> shown, LectureStore store, ThumbnailLoader thumbnails) {
        ListView<SegmentItem> offScreen = new ListView<>();
        offScreen.setCellFactory(list -> new SegmentCell(() -> null, store, thumbnails));
        return ListWarmUp.standingInFor(shown, offScreen, rows());
    }

    /** Rows like an author's: a two-line prompt that is cut, a model and a version. */
    static List<SegmentItem> rows() {
        List<SegmentItem> rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            String id = String.format(Locale.ROOT, "warm-up-%03d", i);
            rows.add(new SegmentItem("warm-up", new VideoAsset(id, "Segment " + i, i, null, id, "titlecard",
                    "A prompt long enough to wrap onto a second line and be cut there, as most authors' are: segment " + i,
                    null, 1 + i % 3, Map.of())));
        }
        return rows;
    }
}
