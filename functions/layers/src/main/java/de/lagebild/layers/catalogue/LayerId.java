package de.lagebild.layers.catalogue;

import de.lagebild.common.problem.ProblemException;
import java.util.regex.Pattern;

/** A layer's id: a slug of lower-case letters, digits and dashes, as the `layers` table checks it. */
public final class LayerId {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private LayerId() {
    }

    /** The id, or a 400 naming {@code field} when it is not a slug (such a layer cannot exist). */
    public static String validated(String field, String id) {
        if (id == null || !SLUG.matcher(id).matches()) {
            throw ProblemException.invalidField(field,
                    "must be a slug of 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit");
        }
        return id;
    }
}
