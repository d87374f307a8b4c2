package de.lagebild.web;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The browser tests' waits for what is not on screen: a condition asked again every 100 ms, at most a
 * minute. For what a page can only answer asynchronously (IndexedDB, the service worker's
 * notifications): Playwright's {@code waitForFunction} does not await a predicate's promise (a promise
 * is truthy, so such a wait would pass at once); {@code evaluate} awaits it.
 */
final class PageWaits {

    private static final Duration PATIENCE = Duration.ofMinutes(1);

    private PageWaits() {
    }

    /** Asks again every 100 ms until the condition holds (at most a minute). */
    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited a minute for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Evaluates the async predicate in the page until it resolves to {@code true} (at most a minute). */
    static void until(Page page, String asyncPredicate, Object arg) {
        until("in the page: " + asyncPredicate, () -> Boolean.TRUE.equals(page.evaluate(asyncPredicate, arg)));
    }
}
