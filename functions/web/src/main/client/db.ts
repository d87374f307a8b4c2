import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Chat, ChatMember, Message, OutboxItem, Room, RoomMember } from './types';

/**
 * What survives a reload and an offline start: the stream's cursors and epoch, the rooms, chats,
 * members and the messages seen so far, and the outbox. Cleared when another user signs in.
 */
interface LagebildDb extends DBSchema {
  meta: { key: string; value: unknown };
  cursors: { key: string; value: number };
  rooms: { key: string; value: Room };
  roomMembers: { key: string; value: RoomMember[] };
  chats: { key: string; value: Chat };
  chatMembers: { key: string; value: ChatMember[] };
  messages: { key: string; value: Message; indexes: { byChat: [string, number]; byRoom: string } };
  outbox: { key: string; value: OutboxItem };
}

type StoreName = 'meta' | 'cursors' | 'rooms' | 'roomMembers' | 'chats' | 'chatMembers' | 'messages' | 'outbox';
const STORES: StoreName[] = ['meta', 'cursors', 'rooms', 'roomMembers', 'chats', 'chatMembers', 'messages', 'outbox'];

let db: Promise<IDBPDatabase<LagebildDb>> | undefined;

export function database(): Promise<IDBPDatabase<LagebildDb>> {
  db ??= openDB<LagebildDb>('lagebild', 1, {
    upgrade(d) {
      d.createObjectStore('meta');
      d.createObjectStore('cursors');
      d.createObjectStore('rooms', { keyPath: 'id' });
      d.createObjectStore('roomMembers');
      d.createObjectStore('chats', { keyPath: 'id' });
      d.createObjectStore('chatMembers');
      const messages = d.createObjectStore('messages', { keyPath: 'id' });
      messages.createIndex('byChat', ['chatId', 'seq']);
      messages.createIndex('byRoom', 'roomId');
      d.createObjectStore('outbox', { keyPath: 'clientId' });
    },
  });
  return db;
}

/** A write of the cache: puts and deletes, applied in one transaction with the cursors that go with them. */
export interface CacheWrite {
  puts: { store: StoreName; key?: string; value: unknown }[];
  deletes: { store: StoreName; key: string }[];
}

export async function applyWrites(writes: CacheWrite): Promise<void> {
  if (writes.puts.length === 0 && writes.deletes.length === 0) return;
  const d = await database();
  const tx = d.transaction(STORES, 'readwrite');
  for (const del of writes.deletes) void tx.objectStore(del.store).delete(del.key);
  for (const put of writes.puts) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const store = tx.objectStore(put.store) as any;
    void (put.key === undefined ? store.put(put.value) : store.put(put.value, put.key));
  }
  await tx.done;
}

export async function clearAll(): Promise<void> {
  const d = await database();
  const tx = d.transaction(STORES, 'readwrite');
  for (const s of STORES) void tx.objectStore(s).clear();
  await tx.done;
}

/** Drops one room's cached state (a `reload` for that room replays it from 0). */
export async function clearRoom(roomId: string): Promise<void> {
  const d = await database();
  const tx = d.transaction(STORES, 'readwrite');
  let cursor = await tx.objectStore('messages').index('byRoom').openCursor(roomId);
  while (cursor) { await cursor.delete(); cursor = await cursor.continue(); }
  for await (const chat of tx.objectStore('chats')) if (chat.value.roomId === roomId) await chat.delete();
  await tx.objectStore('cursors').delete(roomId);
  await tx.done;
}

export interface Snapshot {
  user?: string; epoch?: string; cursors: Record<string, number>; rooms: Room[]; chats: Chat[];
  roomMembers: Record<string, RoomMember[]>; chatMembers: Record<string, ChatMember[]>; outbox: OutboxItem[];
}

export async function loadSnapshot(): Promise<Snapshot> {
  const d = await database();
  const cursors: Record<string, number> = {};
  for (const key of await d.getAllKeys('cursors')) cursors[key] = (await d.get('cursors', key)) ?? 0;
  const roomMembers: Record<string, RoomMember[]> = {};
  for (const key of await d.getAllKeys('roomMembers')) roomMembers[key] = (await d.get('roomMembers', key)) ?? [];
  const chatMembers: Record<string, ChatMember[]> = {};
  for (const key of await d.getAllKeys('chatMembers')) chatMembers[key] = (await d.get('chatMembers', key)) ?? [];
  return {
    user: (await d.get('meta', 'user')) as string | undefined,
    epoch: (await d.get('meta', 'epoch')) as string | undefined,
    cursors, rooms: await d.getAll('rooms'), chats: await d.getAll('chats'), roomMembers, chatMembers,
    outbox: (await d.getAll('outbox')).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  };
}

/** The newest `limit` messages of a chat below `beforeSeq`, oldest first. */
export async function cachedMessages(chatId: string, beforeSeq: number, limit: number): Promise<Message[]> {
  const d = await database();
  const range = IDBKeyRange.bound([chatId, 0], [chatId, beforeSeq], false, true);
  const found: Message[] = [];
  let cursor = await d.transaction('messages').store.index('byChat').openCursor(range, 'prev');
  while (cursor && found.length < limit) { found.push(cursor.value); cursor = await cursor.continue(); }
  return found.reverse();
}

/** Unread messages of a chat by others after the read marker (counted in the cache). */
export async function countAfter(chatId: string, afterSeq: number, me: string): Promise<number> {
  const d = await database();
  const range = IDBKeyRange.bound([chatId, afterSeq], [chatId, Number.MAX_SAFE_INTEGER], true, false);
  let n = 0;
  let cursor = await d.transaction('messages').store.index('byChat').openCursor(range);
  while (cursor) {
    if (cursor.value.author?.id !== me && !cursor.value.deleted) n++;
    cursor = await cursor.continue();
  }
  return n;
}
