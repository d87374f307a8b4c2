package de.lagebild.common;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The current time as the database keeps it: UTC, to the microsecond. A time made here reads the
 * same in the first answer, on the stream, in a retry and in history (timestamptz has no nanoseconds).
 */
public final class Timestamps {

    private Timestamps() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
