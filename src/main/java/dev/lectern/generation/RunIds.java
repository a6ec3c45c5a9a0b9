package dev.lectern.generation;

import java.security.SecureRandom;

/** Short random run ids: safe in paths and image ids ({@code video-img-<run>-<segment>}), easy to type. */
final class RunIds {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    static String next() {
        char[] id = new char[10];
        id[0] = 'r';
        for (int i = 1; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
