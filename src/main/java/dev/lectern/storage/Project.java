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

    @Override
    public void close() {
        try {
            db.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
