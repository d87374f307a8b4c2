package de.lagebild.common.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The id of the trace the current request belongs to, when tracing is on. */
public final class TraceIds {

    private TraceIds() {
    }

    /** The 32 hex digits of the current trace, or null when tracing is off or nothing is being traced. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
