import { api, errorText, newClientId } from './api';
import { applyWrites } from './db';
import { sendQueue } from './sendQueue';
import { state, update, upsertMessage } from './state';
import { persist } from './sync';
import type { OutboxItem } from './types';

/**
 * Messages written here wait in the outbox (IndexedDB) with their client id until the server
 * acknowledged them; they are sent in order, each with the same client id however often it is
 * retried, so the server keeps exactly one. Shown as pending until acknowledged.
 */
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

export const flushOutbox = sendQueue<OutboxItem>({
  pending: () => state.outbox.filter((i) => i.state === 'pending'),
  canSend: () => navigator.onLine,
  retryMs: 3000,
  send: async (item) => {
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
  },
  refused: async (item, e) => {
    const failed: OutboxItem = { ...item, state: 'failed', error: errorText(e) };
    await applyWrites({ puts: [{ store: 'outbox', value: failed }], deletes: [] });
    update((s) => { s.outbox = s.outbox.map((i) => (i.clientId === item.clientId ? failed : i)); });
  },
});

window.addEventListener('online', () => void flushOutbox());
