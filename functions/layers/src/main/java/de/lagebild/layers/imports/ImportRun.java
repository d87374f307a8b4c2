package de.lagebild.layers.imports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The counts and issues of one import while it runs; becomes its {@link ImportReport}. */
final class ImportRun {

    private final UUID id;
    private final String layerId;
    private final String triggeredBy;
    private final OffsetDateTime startedAt = OffsetDateTime.now(ZoneOffset.UTC);
    private final int maxIssues;
    private final List<FeatureIssue> issues = new ArrayList<>();
    private ImportReport.Source source;
    private int read;
    private int repaired;
    private int rejected;
    private boolean issuesTruncated;

    ImportRun(UUID id, String layerId, String triggeredBy, ImportReport.Source source, int maxIssues) {
        this.id = id;
        this.layerId = layerId;
        this.triggeredBy = triggeredBy;
        this.source = source;
        this.maxIssues = maxIssues;
    }

    UUID id() {
        return id;
    }

    void fetched(SourceFile file, SourceFormat format) {
        source = new ImportReport.Source(source.kind(), source.url(), format.wireName(), file.size(), file.sha256(),
                source.declaredCrs());
    }

    void read() {
        read++;
    }

    void rejected(int feature, String externalId, String reason) {
        rejected++;
        issue(new FeatureIssue(feature, externalId, "rejected", reason));
    }

    void repaired(int feature, String externalId, String reason) {
        repaired++;
        issue(new FeatureIssue(feature, externalId, "repaired", reason));
    }

    private void issue(FeatureIssue issue) {
        if (issues.size() < maxIssues) {
            issues.add(issue);
        } else {
            issuesTruncated = true;
        }
    }

    int readCount() {
        return read;
    }

    int storedCount() {
        return read - rejected;
    }

    int rejectedCount() {
        return rejected;
    }

    ImportReport running() {
        return report("running", null, null, null, null, null);
    }

    ImportReport replaced(long contentVersion) {
        return report("succeeded", "replaced", now(), null, null, contentVersion);
    }

    ImportReport unchanged(long contentVersion) {
        return report("succeeded", "unchanged", now(), null, null, contentVersion);
    }

    ImportReport failed(ImportFailure failure) {
        return report("failed", "failed", now(), failure.getMessage(), failure.kind().name().toLowerCase(Locale.ROOT), null);
    }

    ImportReport failedUnexpectedly() {
        return report("failed", "failed", now(), "an unexpected error occurred", "internal", null);
    }

    private ImportReport report(String status, String outcome, OffsetDateTime finishedAt, String error, String failure,
            Long version) {
        return new ImportReport(id, layerId, status, outcome, triggeredBy, source, startedAt, finishedAt, read,
                storedCount(), repaired, rejected, sortedIssues(), issuesTruncated ? Boolean.TRUE : null, error,
                failure, version);
    }

    /** In source order: features rejected while reading are noted before those PostGIS rejects in their batch. */
    private List<FeatureIssue> sortedIssues() {
        return issues.stream().sorted(Comparator.comparingInt(FeatureIssue::feature)).toList();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
