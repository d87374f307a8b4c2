package de.lagebild.media.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.lagebild.common.Ids;
import de.lagebild.media.storage.ObjectStore;
import de.lagebild.media.vertx.ReactiveCalls;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Runs export jobs in the background on worker threads. A run first claims its job (one run per job
 * at a time, across instances), writes the archive to a temp file, puts it into the bucket and marks
 * the job done; a cancelled or taken-over run removes what it made and leaves the job alone.
 */
@ApplicationScoped
public class ExportRunner {

    private final ExportJobs jobs;
    private final Pool pool;
    private final ObjectStore objects;
    private final ObjectMapper json;
    private final ManifestSigner signer;
    private final ExportConfig config;

    public ExportRunner(ExportJobs jobs, Pool pool, ObjectStore objects, ObjectMapper json, ManifestSigner signer,
            ExportConfig config) {
        this.jobs = jobs;
        this.pool = pool;
        this.objects = objects;
        this.json = json;
        this.signer = signer;
        this.config = config;
    }

    /** Starts a run of the job in the background, if it can be claimed; returns at once. */
    public void start(UUID exportId) {
        inBackground(exportId, () -> {
            UUID runId = Ids.newId();
            ExportJob job = ReactiveCalls.await(() -> jobs.claim(exportId, runId));
            if (job != null) {
                run(job, runId);
            }
        });
    }

    /** Runs a job already claimed under {@code runId} in the background; returns at once. */
    public void startClaimed(ExportJob job, UUID runId) {
        inBackground(job.id(), () -> run(job, runId));
    }

    private static void inBackground(UUID exportId, Runnable work) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                Log.errorf(e, "export %s: the run could not start", exportId);
            }
        });
    }

    private void run(ExportJob job, UUID runId) {
        Log.infof("export %s of room %s: running", job.id(), job.roomId());
        Path archive = null;
        String objectKey = "exports/" + job.roomId() + "/" + job.id() + "/" + runId + ".zip";
        boolean stored = false;
        try {
            archive = Files.createTempFile("lagebild-export-", ".zip");
            ExportRun run = new ExportRun(job, runId, pool, jobs, config.pageSize());
            ExportArchive.Made made = ExportArchive.make(run, archive, objects, json, signer, config.zone(),
                    config.mapPointsPerTrack());
            run.advance(0);
            objects.put(objectKey, "application/zip", archive);
            stored = true;
            if (ReactiveCalls.await(() -> jobs.done(job.id(), runId, objectKey, made.sizeBytes(), made.fileCount()))) {
                Log.infof("export %s: done, %d files, %d bytes", job.id(), made.fileCount(), made.sizeBytes());
                stored = false;
            }
        } catch (ExportCancelled e) {
            Log.infof("export %s: cancelled or taken over", job.id());
        } catch (IOException | RuntimeException e) {
            Log.errorf(e, "export %s: failed", job.id());
            ReactiveCalls.await(() -> jobs.failed(job.id(), runId, e.getClass().getSimpleName()));
        } finally {
            if (stored) {
                deleteQuietly(objectKey);
            }
            if (archive != null) {
                try {
                    Files.deleteIfExists(archive);
                } catch (IOException e) {
                    Log.warnf("export %s: could not delete its temp file %s", job.id(), archive);
                }
            }
        }
    }

    private void deleteQuietly(String objectKey) {
        try {
            objects.delete(objectKey);
        } catch (RuntimeException e) {
            Log.warnf("export: could not delete the unused archive %s (%s)", objectKey, e.getMessage());
        }
    }
}
