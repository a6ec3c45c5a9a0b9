package dev.lectern.provider;

import dev.lectern.lecture.ImageContent;
import dev.lectern.lecture.InvalidImageException;
import java.util.Base64;

/** Turns what a server sent into a {@link GeneratedImage}, checking that it is a sane PNG or JPEG first. */
final class CheckedImages {
    private CheckedImages() {
    }

    static GeneratedImage fromBase64(ProviderContext ctx, String base64, Long seed, String model)
            throws ProviderException {
        if (base64 == null || base64.isBlank()) {
            throw ctx.notAnImage("the image data is missing", null);
        }
        String data = base64.strip();
        int comma = data.indexOf(',');
        if (data.startsWith("data:") && comma > 0) {
            data = data.substring(comma + 1); // some servers send a data URL
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw ctx.notAnImage("the base64 image data does not decode", e);
        }
        return fromBytes(ctx, bytes, seed, model);
    }

    static GeneratedImage fromBytes(ProviderContext ctx, byte[] bytes, Long seed, String model)
            throws ProviderException {
        try {
            // Header limits first (a bomb is refused before decoding), then a full decode.
            return new GeneratedImage(ImageContent.verified(bytes), seed, model);
        } catch (InvalidImageException e) {
            throw ctx.notAnImage(e.getMessage().replaceAll("\\.$", ""), e);
        }
    }
}
