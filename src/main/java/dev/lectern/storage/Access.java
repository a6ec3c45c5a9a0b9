package dev.lectern.storage;

/** How a caller wants a project: to change it, only to read it, or to change it when no one else is. */
public enum Access {
    READ_WRITE,
    READ_ONLY,
    /** Write if the project is free; otherwise a read-only view (the window does this). */
    READ_WRITE_OR_READ_ONLY,
    /**
     * Held by another process: open without the lock, only to leave a control request (cancel, pause, resume) for
     * the holder (decision 0020). The caller writes nothing else.
     */
    CONTROL
}
