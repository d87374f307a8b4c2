package de.lagebild.media.attachment;

import de.lagebild.common.problem.ProblemException;
import de.lagebild.common.text.StorableText;
import java.util.UUID;

/** The few plain fields of upload requests (query or form), checked so that a bad value names its field. */
public final class RequestFields {

    public static final int MAX_CAPTION = 4000;

    private RequestFields() {
    }

    public static UUID clientId(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField("clientId", "is required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("clientId", "must be a UUID");
        }
    }

    public static String caption(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        StorableText.checked("caption", value);
        if (value.length() > MAX_CAPTION) {
            throw ProblemException.invalidField("caption", "must be at most " + MAX_CAPTION + " characters");
        }
        return value.strip();
    }
}
