package dev.lectern.provider;

import dev.lectern.lecture.ImageContent;

/** An image exactly as the model returned it (bytes are stored unchanged), checked and hashed on arrival. */
public record GeneratedImage(ImageContent content, Long seed, String model) {
    public byte[] bytes() {
        return content.bytes();
    }

    public String mediaType() {
        return content.info().mediaType();
    }

    public int width() {
        return content.info().width();
    }

    public int height() {
        return content.info().height();
    }

    @Override
    public String toString() {
        return "GeneratedImage[" + content + ", seed=" + seed + ", model=" + model + "]";
    }
}
