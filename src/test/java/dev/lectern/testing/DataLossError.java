package dev.lectern.testing;

/**
 * A failed check on what must never be lost: a project's bytes, an accepted version, a run awaiting review.
 * The reliability suite counts these as {@code lost}; any other failed check only fails its case.
 */
public class DataLossError extends AssertionError {
    public DataLossError(String message) {
        super(message);
    }

    public DataLossError(AssertionError cause) {
        super(cause.getMessage(), cause);
    }

    /** Runs a check whose failure is data lost. */
    public static void guard(Runnable check) {
        try {
            check.run();
        } catch (DataLossError e) {
            throw e;
        } catch (AssertionError e) {
            throw new DataLossError(e);
        }
    }
}
