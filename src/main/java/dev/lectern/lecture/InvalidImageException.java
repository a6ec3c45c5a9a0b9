package dev.lectern.lecture;

/** Bytes that are not an image Lectern accepts, or an image that is too large or damaged. */
public class InvalidImageException extends InvalidInputException {
    public InvalidImageException(String message) {
        super(message);
    }

    public InvalidImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
