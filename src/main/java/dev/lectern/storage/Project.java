package dev.lectern.storage;

import java.time.Clock;

/** An open project file. Close it to release the writer's lock. */
public final class Project implements AutoCloseable {
    private final Database db;
    private final ProjectLock lock;
    private final ProjectInfo info;
    private final LectureRepository lectures;
    private final ImageRepository images;
    private final SettingsRepository settings;
    private final RunRepository runs;
    private final DraftRepository drafts;
    private final BatchRepository batches;
    private final ControlRequestRepository controlRequests;
    private final QueueRepository queue;
    private final java.util.List<AutoCloseable> closers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The second, read-only connection of {@link #runsBeside}; null until first asked for. */
    private Database beside;

    Project(Database db, ProjectLock lock, ProjectInfo info, Clock clock) {
        this.db = db;
        this.lock = lock;
        this.info = info;
        this.images = new ImageRepository(db, clock);
        this.lectures = new LectureRepository(db);
        this.settings = new SettingsRepository(db);
        this.runs = new RunRepository(db);
        this.drafts = new DraftRepository(db, clock);
        this.batches = new BatchRepository(db);
        this.controlRequests = new ControlRequestRepository(db);
        this.queue = new QueueRepository(db);
    }

    public ProjectInfo info() {
        return info;
    }

    public LectureRepository lectures() {
        return lectures;
    }

    public ImageRepository images() {
        return images;
    }

    public SettingsRepository settings() {
        return settings;
    }

    public RunRepository runs() {
        return runs;
    }

    public BatchRepository batches() {
        return batches;
    }

    /** The whole queue's pause, what holds a run back, and the runs' order (schema 7). */
    public QueueRepository queue() {
        return queue;
    }

    /** Requests from processes that do not hold the project (decision 0020). */
    public ControlRequestRepository controlRequests() {
        return controlRequests;
    }

    public DraftRepository drafts() {
        return drafts;
    }

    /**
     * The runs, read on a second, read-only connection to the file, which may be used on another thread at the same
     * time as this project's own: in WAL mode a reader waits for no one. Opening reads the lecture on one and its runs
     * on the other, so it takes the longer of the two reads rather than their sum. Sees what was committed when each
     * read starts, never the changes of a transaction still open here. Opened on first use, closed with the project.
     */
    public synchronized RunRepository runsBeside() {
        if (beside == null) {
            try {
                beside = new Database(SqliteConnections.readOnly(db.file()), db.file(), true);
            } catch (java.sql.SQLException e) {
                throw SqliteErrors.translate(db.file(), e);
            }
        }
        return new RunRepository(beside);
    }

    /** Runs {@code work} as one transaction: repositories called inside it join it. */
    public <T> T transaction(java.util.function.Supplier<T> work) {
        return db.write(c -> work.get());
    }

    public Database database() {
        return db;
    }

    /** {@code closer} runs when the project closes, before the connection does (a watch that reads it, say). */
    public void onClose(AutoCloseable closer) {
        closers.add(0, closer);
    }

    @Override
    public void close() {
        for (AutoCloseable closer : closers) {
            try {
                closer.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        closers.clear();
        synchronized (this) {
            if (beside != null) {
                beside.close();
                beside = null;
            }
        }
        try {
            db.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
