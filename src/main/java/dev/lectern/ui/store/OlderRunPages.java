package dev.lectern.ui.store;

import dev.lectern.lecture.Run;
import dev.lectern.storage.Project;
import dev.lectern.ui.common.Background;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.ObservableList;

/**
 * "Show Older Runs": the runs in the file older than those the panel shows, read a page at a time off the FX thread
 * and added under the others — first the live ones, then, when those run out, the archived ones (decision 0026),
 * which a project's {@code runs.archiveAfterDays} keeps out of the first view but not out of reach.
 */
final class OlderRunPages {
    private enum Next { NONE, LIVE, ARCHIVED }

    private final Background background;
    private final ObservableList<Run> runs;
    private final Supplier<Project> current;
    private final Consumer<Throwable> onError;
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper archived = new ReadOnlyBooleanWrapper();
    /** The last run of the pages read so far, live or archived; null before the first page of the archived ones. */
    private String before;
    private boolean reading;

    OlderRunPages(Background background, ObservableList<Run> runs, Supplier<Project> current, Consumer<Throwable> onError) {
        this.background = background;
        this.runs = runs;
        this.current = current;
        this.onError = onError;
    }

    /** Whether there is another page to show. */
    ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** Whether that page is of archived runs: the live ones are all shown. */
    ReadOnlyBooleanProperty archivedProperty() {
        return archived.getReadOnlyProperty();
    }

    /** After opening {@code p} with {@code shown}: whether older runs exist, in one indexed read off the FX thread. */
    void reset(Project p, List<Run> shown) {
        List<Run> newestFirst = shown.stream().sorted(Run.NEWEST_FIRST).toList();
        // the union of the newest page and the unfinished runs: its first RECENT_RUNS are the newest page
        String liveBefore = newestFirst.size() >= ProjectSession.RECENT_RUNS ? newestFirst.get(ProjectSession.RECENT_RUNS - 1).id() : null;
        available.set(false);
        archived.set(false);
        background.run(() -> next(p, liveBefore), next -> {
            if (p == current.get()) {
                set(next, next == Next.LIVE ? liveBefore : null);
            }
        }, onError);
    }

    /** Reads the next page and adds it under the runs shown. */
    void showMore() {
        Project p = current.get();
        if (p == null || !available.get() || reading) {
            return;
        }
        reading = true;
        String from = before;
        boolean ofArchived = archived.get();
        background.run(() -> {
            List<Run> page = p.runs().page(ProjectSession.RECENT_RUNS + 1, from, null, ofArchived);
            Next next = page.size() > ProjectSession.RECENT_RUNS ? (ofArchived ? Next.ARCHIVED : Next.LIVE)
                    : ofArchived ? Next.NONE : next(p, null);
            return new Page(page.subList(0, Math.min(page.size(), ProjectSession.RECENT_RUNS)), next);
        }, page -> {
            reading = false;
            if (p != current.get()) {
                return;
            }
            Set<String> ids = runs.stream().map(Run::id).collect(Collectors.toSet());
            runs.addAll(page.runs().stream().filter(r -> !ids.contains(r.id())).toList()); // an unfinished one is shown already
            String last = page.runs().isEmpty() ? null : page.runs().get(page.runs().size() - 1).id();
            set(page.next(), page.next() == Next.ARCHIVED && !ofArchived ? null : last);
        }, e -> {
            reading = false;
            onError.accept(e);
        });
    }

    /** What follows the live runs before {@code liveBefore} (null: there are none to look for): more of them, the archived ones, or nothing. */
    private static Next next(Project p, String liveBefore) {
        if (liveBefore != null && !p.runs().page(1, liveBefore, null, false).isEmpty()) {
            return Next.LIVE;
        }
        return p.runs().page(1, null, null, true).isEmpty() ? Next.NONE : Next.ARCHIVED;
    }

    private void set(Next next, String cursor) {
        before = cursor;
        archived.set(next == Next.ARCHIVED);
        available.set(next != Next.NONE);
    }

    private record Page(List<Run> runs, Next next) {
    }
}
