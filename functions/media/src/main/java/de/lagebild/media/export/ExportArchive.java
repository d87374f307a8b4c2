package de.lagebild.media.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.lagebild.common.Timestamps;
import de.lagebild.media.export.ArchiveWriter.ArchivedFile;
import de.lagebild.media.storage.ObjectStore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Makes one export's archive in a file: the record's JSON files, the tracks, the report, the
 * attachments, then {@code manifest.json} (every other file with its size and SHA-256) and
 * {@code manifest.json.jws}, the detached signature over the manifest's bytes.
 */
final class ExportArchive {

    /** The manifest's format name; a reader checks it before trusting the layout. */
    static final String FORMAT = "lagebild-room-export/1";

    /** What {@code manifest.json} says. */
    @RegisterForReflection
    record Manifest(String format, UUID exportId, UUID roomId, OffsetDateTime from, OffsetDateTime to,
            UUID requestedBy, OffsetDateTime createdAt, List<ArchivedFile> files) {
    }

    /** The finished archive: its file count includes the manifest and the signature. */
    record Made(long sizeBytes, int fileCount) {
    }

    private ExportArchive() {
    }

    static Made make(ExportRun run, Path target, ObjectStore objects, ObjectMapper json, ManifestSigner signer,
            ZoneId zone, int mapPointsPerTrack) throws IOException {
        var counts = run.all(RecordQueries.COUNTS).iterator().next();
        List<MemberStretch> stretches = MemberStretch.of(run);
        run.expect(3 * counts.getLong("events") + AttachmentFiles.UNITS * counts.getLong("attachments") + 1);
        int fileCount;
        try (ArchiveWriter archive = new ArchiveWriter(target)) {
            JsonFiles.writeAll(run, archive);
            MapBounds bounds = new MapBounds();
            TrackFiles.write(run, archive, stretches, bounds);
            HtmlReport.write(run, archive, json, zone, stretches, bounds, mapPointsPerTrack);
            AttachmentFiles.write(run, archive, objects);
            ExportJob job = run.job();
            Manifest manifest = new Manifest(FORMAT, job.id(), job.roomId(), job.from(), job.to(), job.requestedBy(),
                    Timestamps.now(), archive.files());
            byte[] manifestBytes = json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(manifest);
            archive.unlisted("manifest.json", manifestBytes);
            archive.unlisted("manifest.json.jws", signer.sign(manifestBytes).getBytes(StandardCharsets.US_ASCII));
            fileCount = archive.files().size() + 2;
        }
        return new Made(Files.size(target), fileCount);
    }
}
