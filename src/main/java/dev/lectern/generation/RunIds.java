package dev.lectern.generation;

import java.security.SecureRandom;

/**
 * Short random run and batch ids: safe in paths and image ids ({@code video-img-<run>-<segment>}), easy to type; the
 * first letter tells which ({@code r}un, {@code b}atch), so a command that takes either knows at once.
 */
final class RunIds {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    static String next() {
        return next('r');
    }

    static String nextBatch() {
        return next('b');
    }

    private static String next(char kind) {
        char[] id = new char[10];
        id[0] = kind;
        for (int i = 1; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
