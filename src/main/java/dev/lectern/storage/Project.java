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
        try {
            db.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
