package de.lagebild.web;

import com.microsoft.playwright.Page;
import java.time.Duration;

/**
 * Waits for what a page can only answer asynchronously (IndexedDB, the service worker's
 * notifications). Playwright's {@code waitForFunction} does not await a predicate's promise: a
 * promise is truthy, so such a wait would pass at once. {@code evaluate} awaits it, so this asks
 * again until the answer is {@code true}.
 */
final class PageWaits {

    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private PageWaits() {
    }

    /** Evaluates the async predicate every 100 ms until it resolves to {@code true} (at most a minute). */
    static void until(Page page, String asyncPredicate, Object arg) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!Boolean.TRUE.equals(page.evaluate(asyncPredicate, arg))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute in the page for " + asyncPredicate);
            }
            page.waitForTimeout(100);
        }
    }
}
