package dev.lectern.lecture;

/** Input that can never succeed as given: a bad id, a malformed record, a wrong setting. The CLI exits 2. */
public class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
