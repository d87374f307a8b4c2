package de.lagebild.chat.stream;

/** Runs a task later on the stream's context (a retry after a failed read). */
@FunctionalInterface
interface Timers {

    void after(long millis, Runnable task);
}
