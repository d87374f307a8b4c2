package de.lagebild.chat.search;

/**
 * The matches one ranking covers: those older than {@code before} (the newest when null) down to
 * and including {@code from} (the oldest when null). Both ends are fixed when the window is first
 * ranked, so its later pages rank the same matches (and any sent since, below the newest window's
 * open end), whatever is sent meanwhile.
 */
public record SearchWindow(MessageKey before, MessageKey from) {

    /** Whether no older match lies outside the window. */
    public boolean reachesOldest() {
        return from == null;
    }
}
