package dev.lectern.storage;

import java.util.List;

/**
 * The project file's schema as a list of stepwise migrations; {@code PRAGMA user_version} records how far a
 * file has come. A file is only ever moved forward one step at a time, each step in its own transaction.
 */
public final class Schema {
    /** {@code PRAGMA application_id}: "LECT". Tells a Lectern project from any other SQLite file. */
    public static final int APPLICATION_ID = 0x4C454354;

    private final List<Migration> migrations;

    public Schema(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).toVersion() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3, ... in order");
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    public static Schema current() {
        return new Schema(List.of(V1_FOUNDATION, V2_RUNS, V3_DRAFTS, V4_VERSIONS_AND_CANDIDATES, V5_BATCHES, V6_CONTROL_REQUESTS,
                V7_QUEUE_CONTROL));
    }

    public int version() {
        return migrations.size();
    }

    public List<Migration> stepsFrom(int fromVersion) {
        return migrations.subList(fromVersion, migrations.size());
    }

    /** Lectures, segments, settings and content-addressed image versions. */
    static final Migration V1_FOUNDATION = new Migration(1, List.of(
            """
            CREATE TABLE project_info (
              key   TEXT PRIMARY KEY,
              value TEXT NOT NULL
            ) STRICT""",
            """
            CREATE TABLE settings (
              key   TEXT PRIMARY KEY,
              value TEXT NOT NULL
            ) STRICT""",
            """
            CREATE TABLE blobs (
              sha256 TEXT PRIMARY KEY,
              bytes  BLOB NOT NULL
            ) STRICT""",
            """
            CREATE TABLE image_versions (
              image_key  TEXT NOT NULL,
              version    INTEGER NOT NULL CHECK (version >= 1),
              sha256     TEXT NOT NULL REFERENCES blobs (sha256),
              media_type TEXT NOT NULL,
              width      INTEGER NOT NULL CHECK (width > 0),
              height     INTEGER NOT NULL CHECK (height > 0),
              byte_size  INTEGER NOT NULL,
              model      TEXT,
              prompt     TEXT,
              seed       INTEGER,
              created_at TEXT NOT NULL,
              PRIMARY KEY (image_key, version)
            ) STRICT""",
            """
            CREATE TABLE lectures (
              id                 TEXT PRIMARY KEY,
              title              TEXT,
              revision           INTEGER NOT NULL,
              updated_at         TEXT NOT NULL,
              other_content_json TEXT NOT NULL,
              extra_json         TEXT NOT NULL,
              sort_key           INTEGER NOT NULL
            ) STRICT""",
            """
            CREATE TABLE segments (
              lecture_id           TEXT NOT NULL REFERENCES lectures (id) ON DELETE CASCADE,
              id                   TEXT NOT NULL,
              position             INTEGER NOT NULL,
              title                TEXT,
              video_path           TEXT,
              starting_image_id    TEXT,
              starting_image_model TEXT,
              prompt               TEXT,
              starting_image_url   TEXT,
              image_key            TEXT,
              image_version        INTEGER,
              extra_json           TEXT NOT NULL,
              PRIMARY KEY (lecture_id, id),
              FOREIGN KEY (image_key, image_version) REFERENCES image_versions (image_key, version)
            ) STRICT""",
            "CREATE INDEX segments_by_id ON segments (id)",
            "CREATE INDEX segments_by_position ON segments (lecture_id, position)"));

    /**
     * Regeneration runs (seed §5): their status, memoized step outputs and messages. Runs reference segments
     * by id only, not by foreign key: a re-import rewrites a lecture's segments, and its runs must survive it.
     * {@code review_decision} and {@code cancel_requested} are written by whichever process the author used;
     * the process running the workflow reads them.
     */
    static final Migration V2_RUNS = new Migration(2, List.of(
            """
            CREATE TABLE runs (
              id                TEXT PRIMARY KEY,
              lecture_id        TEXT NOT NULL,
              segment_id        TEXT NOT NULL,
              status            TEXT NOT NULL CHECK (status IN ('queued', 'running', 'awaiting_review', 'succeeded', 'failed', 'cancelled', 'expired')),
              review_outcome    TEXT CHECK (review_outcome IN ('accepted', 'rejected')),
              review_decision   TEXT CHECK (review_decision IN ('accepted', 'rejected')),
              cancel_requested  INTEGER NOT NULL DEFAULT 0,
              requested_prompt  TEXT,
              requested_model   TEXT,
              settings_json     TEXT,
              preview_image_key TEXT,
              preview_version   INTEGER,
              error             TEXT,
              created_at        TEXT NOT NULL,
              updated_at        TEXT NOT NULL,
              wait_expires_at   TEXT,
              FOREIGN KEY (preview_image_key, preview_version) REFERENCES image_versions (image_key, version)
            ) STRICT""",
            "CREATE INDEX runs_by_segment ON runs (lecture_id, segment_id, created_at)",
            "CREATE INDEX runs_by_status ON runs (status)",
            """
            CREATE TABLE run_steps (
              run_id       TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
              step         TEXT NOT NULL,
              output_json  TEXT NOT NULL,
              completed_at TEXT NOT NULL,
              PRIMARY KEY (run_id, step)
            ) STRICT""",
            """
            CREATE TABLE run_messages (
              run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
              seq    INTEGER NOT NULL,
              at     TEXT NOT NULL,
              text   TEXT NOT NULL,
              PRIMARY KEY (run_id, seq)
            ) STRICT"""));

    /** What the author typed and has not yet regenerated with: kept in the file so a crash loses none of it. */
    static final Migration V3_DRAFTS = new Migration(3, List.of(
            """
            CREATE TABLE drafts (
              lecture_id TEXT NOT NULL,
              segment_id TEXT NOT NULL,
              prompt     TEXT,
              model      TEXT,
              updated_at TEXT NOT NULL,
              PRIMARY KEY (lecture_id, segment_id)
            ) STRICT"""));

    /**
     * Versions and candidates (decision 0016). A version records how it came to be ({@code source}), the author's
     * prompt beside the styled one the model received, and what it restores. A run may ask for several images:
     * each is a row of {@code run_candidates} the moment it arrives, and the review names the one it accepts.
     * {@code image_keys} remembers the highest version number each image ever had, so a pruned version's number is
     * never given to other bytes (every cache is keyed by it). Drafts can hold a recalled seed.
     */
    static final Migration V4_VERSIONS_AND_CANDIDATES = new Migration(4, List.of(
            "ALTER TABLE image_versions ADD COLUMN styled_prompt TEXT",
            "ALTER TABLE image_versions ADD COLUMN source TEXT NOT NULL DEFAULT 'import' CHECK (source IN ('import', 'generated', 'restored', 'file'))",
            "ALTER TABLE image_versions ADD COLUMN restored_from INTEGER",
            // A run's preview was generated; its version held the styled prompt, the run's settings the author's.
            """
            UPDATE image_versions SET source = 'generated', styled_prompt = prompt,
              prompt = COALESCE((SELECT json_extract(r.settings_json, '$.prompt') FROM runs r
                                 WHERE r.preview_image_key = image_versions.image_key AND r.preview_version = image_versions.version
                                 LIMIT 1), prompt)
            WHERE EXISTS (SELECT 1 FROM runs r WHERE r.preview_image_key = image_versions.image_key
                          AND r.preview_version = image_versions.version)""",
            """
            CREATE TABLE image_keys (
              image_key    TEXT PRIMARY KEY,
              last_version INTEGER NOT NULL
            ) STRICT""",
            "INSERT INTO image_keys (image_key, last_version) SELECT image_key, MAX(version) FROM image_versions GROUP BY image_key",
            """
            CREATE TABLE run_candidates (
              run_id       TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
              idx          INTEGER NOT NULL CHECK (idx >= 1),
              image_key    TEXT NOT NULL,
              version      INTEGER NOT NULL,
              discarded_at TEXT,
              PRIMARY KEY (run_id, idx),
              FOREIGN KEY (image_key, version) REFERENCES image_versions (image_key, version)
            ) STRICT""",
            "CREATE INDEX run_candidates_by_version ON run_candidates (image_key, version)",
            "CREATE INDEX segments_by_image ON segments (image_key, image_version)",
            """
            INSERT INTO run_candidates (run_id, idx, image_key, version)
            SELECT id, 1, preview_image_key, preview_version FROM runs WHERE preview_image_key IS NOT NULL""",
            "ALTER TABLE runs ADD COLUMN requested_candidates INTEGER",
            "ALTER TABLE runs ADD COLUMN requested_seed INTEGER",
            "ALTER TABLE runs ADD COLUMN decision_candidate INTEGER",
            "UPDATE runs SET decision_candidate = 1 WHERE review_decision = 'accepted'",
            "ALTER TABLE drafts ADD COLUMN seed INTEGER"));

    /**
     * Batches (issue 17): regenerations of many segments started together, so they can be followed, paused,
     * cancelled and reviewed as one. A run keeps its own state; the batch only groups runs and holds the pause.
     */
    static final Migration V5_BATCHES = new Migration(5, List.of(
            """
            CREATE TABLE batches (
              id         TEXT PRIMARY KEY,
              lecture_id TEXT NOT NULL,
              created_at TEXT NOT NULL,
              paused     INTEGER NOT NULL DEFAULT 0,
              cancelled  INTEGER NOT NULL DEFAULT 0
            ) STRICT""",
            "ALTER TABLE runs ADD COLUMN batch_id TEXT REFERENCES batches (id)",
            "CREATE INDEX runs_by_batch ON runs (batch_id, status)",
            // The runs panel and 'lectern runs' read the newest page: without this, every opening sorts every run.
            "CREATE INDEX runs_by_time ON runs (created_at, id)"));

    /**
     * Control requests (issue 17): a cancel, pause or resume asked for by a process that does not hold the project
     * (decision 0002), for the holder to apply within a second and answer; pending ones are applied on the next open.
     */
    static final Migration V6_CONTROL_REQUESTS = new Migration(6, List.of(
            """
            CREATE TABLE control_requests (
              id           INTEGER PRIMARY KEY,
              kind         TEXT NOT NULL,
              target       TEXT NOT NULL,
              requested_at TEXT NOT NULL,
              requested_by TEXT,
              applied_at   TEXT,
              outcome      TEXT
            ) STRICT""",
            "CREATE INDEX control_requests_pending ON control_requests (applied_at)"));

    /**
     * Queue control (issue 17): the pause of the whole queue (one row, not a setting: the settings table holds only
     * the keys the settings dialog saves), a run's place in the queue (higher starts first; "move to front" gives a
     * run the highest), and the archive of old finished runs (kept in the file, not loaded by the window).
     */
    static final Migration V7_QUEUE_CONTROL = new Migration(7, List.of(
            """
            CREATE TABLE queue (
              id         INTEGER PRIMARY KEY CHECK (id = 1),
              paused     INTEGER NOT NULL DEFAULT 0,
              changed_at TEXT
            ) STRICT""",
            "INSERT INTO queue (id, paused) VALUES (1, 0)",
            "ALTER TABLE runs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE runs ADD COLUMN archived_at TEXT",
            // The window and 'lectern runs' read the newest page of the runs not archived.
            "CREATE INDEX runs_live_by_time ON runs (created_at, id) WHERE archived_at IS NULL"));
}
