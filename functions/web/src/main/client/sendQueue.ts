import { ApiError } from './api';

/**
 * Sends the items a queue holds, oldest first, each with its own client id however often it is
 * retried, so the server keeps each once. The outbox of messages and that of alarms use it.
 */
export interface SendQueue<T> {
  /** The items still to send, in order (read again on every pass). */
  pending: () => T[];
  /** Sends one and records the server's answer; throws what the call threw. */
  send: (item: T) => Promise<void>;
  /** The server refused it for good (not retryable): the item is marked, the next one goes. */
  refused: (item: T, error: ApiError) => Promise<void>;
  /** The mean pause before a failed pass is tried again (jittered ±50 %). */
  retryMs: number;
  /** False stops a pass without a retry timer (for example offline: the `online` event resumes it). */
  canSend?: () => boolean;
}

/** The queue's flush: one pass at a time; a flush asked for during a pass runs another right after it. */
export function sendQueue<T>(queue: SendQueue<T>): () => Promise<void> {
  let flushing = false;
  let again = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** Sends the pending items in order; false when it stopped at one that must wait. */
  const sendPending = async (): Promise<boolean> => {
    for (const item of queue.pending()) {
      if (queue.canSend && !queue.canSend()) return false;
      try {
        await queue.send(item);
      } catch (e) {
        if (e instanceof ApiError && !e.retryable && e.status !== 401) {
          await queue.refused(item, e);
          continue;
        }
        // Offline, 503 or an expired token: the same item with the same client id, later.
        if (retryTimer) clearTimeout(retryTimer);
        retryTimer = setTimeout(() => void flush(), queue.retryMs * (0.5 + Math.random()));
        return false;
      }
    }
    return true;
  };

  const flush = async (): Promise<void> => {
    if (flushing) { again = true; return; }
    flushing = true;
    try {
      do {
        again = false;
        if (!(await sendPending())) return;
      } while (again);
    } finally {
      flushing = false;
    }
  };
  return flush;
}
