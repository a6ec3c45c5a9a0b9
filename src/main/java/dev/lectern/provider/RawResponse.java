package dev.lectern.provider;

import okhttp3.Headers;

/** A fully read (size-capped) HTTP response; bodies are read on OkHttp's thread so a cancel can cut them. */
record RawResponse(int code, Headers headers, byte[] body, String contentType) {
    boolean successful() {
        return code >= 200 && code < 300;
    }
}
