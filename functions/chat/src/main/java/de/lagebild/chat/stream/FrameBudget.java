package de.lagebild.chat.stream;

/**
 * How many frames one socket may send: a burst, refilled at a steady rate (a token bucket). A phone
 * sends a `hello` and a few `watch`es; a client sending more only costs others database reads.
 */
final class FrameBudget {

    private final int burst;
    private final double perNanosecond;
    private double tokens;
    private long lastNanos;

    FrameBudget(int burst, double perSecond, long nowNanos) {
        this.burst = burst;
        this.perNanosecond = perSecond / 1e9;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Whether one more frame is allowed now; if so it is counted. */
    boolean take(long nowNanos) {
        tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNanosecond);
        lastNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
