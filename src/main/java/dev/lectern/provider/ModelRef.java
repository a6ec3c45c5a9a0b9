package dev.lectern.provider;

import dev.lectern.lecture.Ids;
import dev.lectern.lecture.InvalidInputException;

/**
 * A model as the project stores it: "PROVIDER_ID/MODEL" (split at the first '/', so the model part may
 * itself contain '/'), or the built-in "titlecard" which needs no server.
 */
public record ModelRef(String providerId, String model) {
    public static final String TITLE_CARD = "titlecard";

    public ModelRef {
        Ids.requireValid("provider id", providerId);
        if (TITLE_CARD.equals(providerId) && (model == null || model.isEmpty())) {
            model = null;
        } else {
            ProviderConfig.requireModelName("model '" + providerId + "/…'", model);
        }
    }

    public static ModelRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("the image model is empty; write it as PROVIDER/MODEL or " + TITLE_CARD);
        }
        String s = text.strip();
        if (s.equals(TITLE_CARD)) {
            return new ModelRef(TITLE_CARD, null);
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new InvalidInputException("the image model '" + s + "' has no provider; write it as PROVIDER/MODEL, like local-sd/"
                    + s + ", or " + TITLE_CARD);
        }
        return new ModelRef(s.substring(0, slash), s.substring(slash + 1));
    }

    public boolean isTitleCard() {
        return model == null;
    }

    @Override
    public String toString() {
        return model == null ? providerId : providerId + "/" + model;
    }
}
