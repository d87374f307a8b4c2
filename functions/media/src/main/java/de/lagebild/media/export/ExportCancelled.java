package de.lagebild.media.export;

/** The run's export was cancelled, or another instance took the job over: the run stops and leaves nothing. */
final class ExportCancelled extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ExportCancelled() {
        super("the export was cancelled or taken over", null, false, false);
    }
}
