package de.lagebild.push.delivery;

import java.time.Duration;

/** What a push service or gateway answered to one push. */
public record SendOutcome(Kind kind, Duration retryAfter) {

    public enum Kind {
        /** Accepted. */
        SENT,
        /** The target no longer exists (404, 410, a gateway's rejection): the device is removed. */
        GONE,
        /** Try again later (429, 5xx, no answer), after {@link #retryAfter} when the service said so. */
        RETRY,
        /** Refused for good (another 4xx): the push is given up, the device kept. */
        FAILED
    }

    public static SendOutcome sent() {
        return new SendOutcome(Kind.SENT, null);
    }

    public static SendOutcome gone() {
        return new SendOutcome(Kind.GONE, null);
    }

    public static SendOutcome failed() {
        return new SendOutcome(Kind.FAILED, null);
    }

    public static SendOutcome retry(Duration retryAfter) {
        return new SendOutcome(Kind.RETRY, retryAfter);
    }

    /** The outcome of an HTTP status, with the Retry-After header's value when there is one. */
    public static SendOutcome ofStatus(int status, String retryAfterHeader) {
        if (status >= 200 && status < 300) {
            return sent();
        }
        if (status == 404 || status == 410) {
            return gone();
        }
        if (status == 429 || status >= 500) {
            return retry(RetryAfter.parse(retryAfterHeader));
        }
        return failed();
    }
}
