package dev.lectern.storage;

import java.io.IOException;

/** Supplies the original bytes of an image version (the project file holds them). */
@FunctionalInterface
public interface ImageSource {
    byte[] load(String imageKey, int version) throws IOException;
}
