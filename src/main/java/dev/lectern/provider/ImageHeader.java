package dev.lectern.provider;

/** What an image's header claims: media type and pixel size, read without decoding. */
record ImageHeader(String mediaType, int width, int height) {
}
