package de.lagebild.common.text;

import de.lagebild.common.problem.ProblemException;

/**
 * Text the database can store: PostgreSQL text and jsonb hold no NUL character, and a write that
 * carried one would fail as a server error. Every text field from a client is held against this
 * (JSON bodies by {@link NulFreeStrings}, query and form fields by the functions that read them).
 */
public final class StorableText {

    public static final String NUL_MESSAGE = "must not contain the NUL character (\\u0000)";

    private StorableText() {
    }

    public static boolean isStorable(String value) {
        return value == null || value.indexOf('\u0000') < 0;
    }

    /** The value itself, or a 400 problem naming {@code field}. */
    public static String checked(String field, String value) {
        if (!isStorable(value)) {
            throw ProblemException.invalidField(field, NUL_MESSAGE);
        }
        return value;
    }
}
