import { ApiError, api, newClientId } from './api';
import { applyWrites } from './db';
import { state, update, upsertMessage } from './state';
import { persist } from './sync';
import type { OutboxItem } from './types';

/**
 * Messages written here wait in the outbox (IndexedDB) with their client id until the server
 * acknowledged them; they are sent in order, each with the same client id however often it is
 * retried, so the server keeps exactly one. Shown as pending until acknowledged.
 */
let flushing = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

export async function enqueue(item: Omit<OutboxItem, 'clientId' | 'createdAt' | 'state'>): Promise<void> {
  const full: OutboxItem = { ...item, clientId: newClientId(), createdAt: new Date().toISOString(), state: 'pending' };
  await applyWrites({ puts: [{ store: 'outbox', value: full }], deletes: [] });
  update((s) => { s.outbox = [...s.outbox, full]; });
  void flushOutbox();
}

export async function discard(clientId: string): Promise<void> {
  await applyWrites({ puts: [], deletes: [{ store: 'outbox', key: clientId }] });
  update((s) => { s.outbox = s.outbox.filter((i) => i.clientId !== clientId); });
}

let again = false;

export async function flushOutbox(): Promise<void> {
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
}

/** Sends the pending items in order; false when it stopped at one that must wait. */
async function sendPending(): Promise<boolean> {
  for (const item of state.outbox.filter((i) => i.state === 'pending')) {
    if (!navigator.onLine) return false;
    try {
      const body: Record<string, unknown> = { clientId: item.clientId, kind: item.kind };
      if (item.priority) body.priority = item.priority;
      if (item.ackRequested) body.ackRequested = true;
      if (item.kind === 'text') body.body = item.body;
      else body.location = item.location;
      const message = await api.send(item.chatId, body, 1);
      await applyWrites({ puts: [], deletes: [{ store: 'outbox', key: item.clientId }] });
      update((s) => {
        s.outbox = s.outbox.filter((i) => i.clientId !== item.clientId);
        upsertMessage(s, message);
      });
      persist({ store: 'messages', value: message });
    } catch (e) {
      if (e instanceof ApiError && !e.retryable && e.status !== 401) {
        const failed: OutboxItem = { ...item, state: 'failed', error: e.humanMessage };
        await applyWrites({ puts: [{ store: 'outbox', value: failed }], deletes: [] });
        update((s) => { s.outbox = s.outbox.map((i) => (i.clientId === item.clientId ? failed : i)); });
        continue;
      }
      // Offline, 503 or an expired token: the same item, same client id, later.
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = setTimeout(() => void flushOutbox(), 3000 * (0.5 + Math.random()));
      return false;
    }
  }
  return true;
}

window.addEventListener('online', () => void flushOutbox());
