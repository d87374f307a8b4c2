package de.lagebild.layers.imports;

/**
 * Why an import could not replace the layer; the layer keeps its previous content. The message
 * goes into the import report, which layer admins read.
 */
public class ImportFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** SOURCE: the source could not be fetched (502); CONTENT: what it sent cannot be imported (422). */
    public enum Kind { SOURCE, CONTENT }

    private final Kind kind;

    private ImportFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public static ImportFailure source(String message) {
        return new ImportFailure(Kind.SOURCE, message);
    }

    public static ImportFailure content(String message) {
        return new ImportFailure(Kind.CONTENT, message);
    }

    public Kind kind() {
        return kind;
    }
}
