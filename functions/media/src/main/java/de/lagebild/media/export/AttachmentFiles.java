package de.lagebild.media.export;

import de.lagebild.media.storage.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** The served copies of the window's attachments, streamed from the bucket into the archive one by one. */
final class AttachmentFiles {

    /** Units of progress per attachment (a copy costs far more than a row). */
    static final int UNITS = 20;

    private AttachmentFiles() {
    }

    static void write(ExportRun run, ArchiveWriter archive, ObjectStore objects) throws IOException {
        run.each(RecordQueries.ATTACHMENTS, List.of(), 0L, UNITS, row -> {
            try (InputStream in = objects.open(row.getString("object_key"));
                    OutputStream out = archive.file(row.getString("path"), false)) {
                byte[] buffer = new byte[1 << 16];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                }
            }
            run.advance(0);
        });
    }
}
