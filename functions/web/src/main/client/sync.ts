import { api } from './api';
import { applyOpsEvent } from './ops/events';
import { applyWrites, cachedMessages, countAfter, type CacheWrite } from './db';
import { permissionChanges, state, update, upsertMessage, type State } from './state';
import type { Chat, ChatMember, Message, Permission, Room, StreamEvent } from './types';

/**
 * Applies the stream's events to the state and the IndexedDB cache. The cache writes of a batch of
 * events and the cursors that go with them are written in one transaction, so a reload resumes
 * exactly after the last event whose effects were stored.
 */
let pending: CacheWrite = { puts: [], deletes: [] };
let flushTimer: ReturnType<typeof setTimeout> | undefined;

export function persist(put: CacheWrite['puts'][number]): void {
  pending.puts.push(put);
  scheduleFlush();
}

function remove(store: CacheWrite['deletes'][number]['store'], key: string): void {
  pending.deletes.push({ store, key });
  scheduleFlush();
}

function scheduleFlush(): void {
  flushTimer ??= setTimeout(() => void flush(), 100);
}

export async function flush(): Promise<void> {
  if (flushTimer) clearTimeout(flushTimer);
  flushTimer = undefined;
  const writes = pending;
  pending = { puts: [], deletes: [] };
  await applyWrites(writes);
}

export function storeRoom(s: State, room: Room): void {
  s.rooms[room.id] = { ...s.rooms[room.id], ...room };
  persist({ store: 'rooms', value: s.rooms[room.id] });
}

export function storeChat(s: State, chat: Chat): void {
  s.chats[chat.id] = { ...s.chats[chat.id], ...chat };
  persist({ store: 'chats', value: s.chats[chat.id] });
}

export function storeChatMembers(s: State, chatId: string, members: ChatMember[]): void {
  s.chatMembers[chatId] = members;
  persist({ store: 'chatMembers', key: chatId, value: members });
}

function storeMessage(s: State, message: Message): void {
  upsertMessage(s, message);
  persist({ store: 'messages', value: message });
}

/** Rooms and chats as the REST API has them (after connecting, and when this user joins something). */
export async function refreshRooms(): Promise<void> {
  const rooms = await api.rooms();
  const chatsByRoom = await Promise.all(rooms.map((room) => api.chats(room.id).catch(() => [] as Chat[])));
  update((s) => {
    const known = new Set(rooms.map((r) => r.id));
    for (const id of Object.keys(s.rooms)) if (!known.has(id)) { delete s.rooms[id]; remove('rooms', id); }
    rooms.forEach((room) => storeRoom(s, room));
    const chatIds = new Set<string>();
    chatsByRoom.forEach((chats) => chats.forEach((chat) => { chatIds.add(chat.id); storeChat(s, chat); }));
    for (const chat of Object.values(s.chats)) if (!chatIds.has(chat.id)) dropChat(s, chat.id);
  });
  await recountUnread();
}

async function refreshRoom(roomId: string): Promise<void> {
  try {
    const [room, chats] = await Promise.all([api.room(roomId), api.chats(roomId)]);
    update((s) => { storeRoom(s, room); chats.forEach((chat) => storeChat(s, chat)); });
    await recountUnread();
  } catch { /* the next connect refreshes */ }
}

export async function refreshChatMembers(chatId: string): Promise<void> {
  const members = await api.chatMembers(chatId);
  // A click made while the list was on its way is newer than the list; the read-back after it follows.
  if (permissionChanges.pending > 0) return;
  update((s) => storeChatMembers(s, chatId, members));
}

export async function refreshRoomMembers(roomId: string): Promise<void> {
  const members = await api.roomMembers(roomId);
  update((s) => { s.roomMembers[roomId] = members; persist({ store: 'roomMembers', key: roomId, value: members }); });
}

export async function recountUnread(): Promise<void> {
  await flush();
  const me = state.me?.id ?? '';
  const counts: Record<string, number> = {};
  for (const chat of Object.values(state.chats)) counts[chat.id] = await countAfter(chat.id, chat.myReadUpToSeq, me);
  update((s) => { s.unread = counts; });
}

function dropChat(s: State, chatId: string): void {
  delete s.chats[chatId];
  delete s.messages[chatId];
  delete s.chatMembers[chatId];
  remove('chats', chatId);
  if (s.chatId === chatId) s.chatId = undefined;
}

function dropRoom(s: State, roomId: string): void {
  delete s.rooms[roomId];
  remove('rooms', roomId);
  for (const chat of Object.values(s.chats)) if (chat.roomId === roomId) dropChat(s, chat.id);
  if (s.roomId === roomId) s.roomId = undefined;
}

function patchMember(s: State, chatId: string, userId: string, patch: Partial<ChatMember>): void {
  const members = s.chatMembers[chatId];
  if (!members) return;
  storeChatMembers(s, chatId, members.map((m) => (m.userId === userId ? { ...m, ...patch } : m)));
}

/** One event of a room's log; the cursor moves with it. */
export function applyEvent(e: StreamEvent): void {
  const me = state.me?.id;
  const p = e.payload as Record<string, unknown>;
  const userId = p.userId as string | undefined;
  update((s) => {
    applyOpsEvent(e);
    switch (e.event) {
      case 'room.opened':
        if (!s.rooms[e.roomId]) void refreshRoom(e.roomId);
        break;
      case 'room.member_added':
      case 'room.member_role_changed':
        if (userId === me) {
          if (s.rooms[e.roomId]) storeRoom(s, { ...s.rooms[e.roomId], myRole: p.role as Room['myRole'] });
          else void refreshRoom(e.roomId);
        }
        if (s.roomMembers[e.roomId]) void refreshRoomMembers(e.roomId);
        break;
      case 'room.member_removed':
        if (userId === me) dropRoom(s, e.roomId);
        else if (s.roomMembers[e.roomId]) void refreshRoomMembers(e.roomId);
        break;
      case 'room.closed':
        if (s.rooms[e.roomId]) storeRoom(s, { ...s.rooms[e.roomId], closedAt: (p.closedAt as string) ?? e.at });
        break;
      case 'chat.created': {
        const members = (p.members as { userId: string; permissions: Permission[] }[]) ?? [];
        const mine = members.find((m) => m.userId === me);
        if (mine) storeChat(s, { id: e.chatId!, roomId: e.roomId, name: p.name as string, myPermissions: mine.permissions, myReadUpToSeq: s.chats[e.chatId!]?.myReadUpToSeq ?? 0 });
        break;
      }
      case 'chat.member_added':
      case 'chat.permissions_changed':
        if (userId === me) {
          const chat = s.chats[e.chatId!];
          if (chat) storeChat(s, { ...chat, myPermissions: p.permissions as Permission[] });
          else void refreshRoom(e.roomId);
        }
        if (s.chatMembers[e.chatId!]) {
          if (e.event === 'chat.member_added') void refreshChatMembers(e.chatId!);
          else if (permissionChanges.pending === 0) patchMember(s, e.chatId!, userId!, { permissions: p.permissions as Permission[] });
        }
        break;
      case 'chat.member_removed':
        if (userId === me) dropChat(s, e.chatId!);
        else if (s.chatMembers[e.chatId!]) storeChatMembers(s, e.chatId!, s.chatMembers[e.chatId!].filter((m) => m.userId !== userId));
        break;
      case 'chat.read': {
        const seq = p.seq as number;
        patchMember(s, e.chatId!, userId!, { readUpToSeq: seq });
        const chat = s.chats[e.chatId!];
        if (userId === me && chat && seq > chat.myReadUpToSeq) {
          storeChat(s, { ...chat, myReadUpToSeq: seq });
          void recountUnread();
        }
        break;
      }
      case 'message.created':
      case 'message.edited': {
        const message = p as unknown as Message;
        const isNew = e.event === 'message.created';
        storeMessage(s, message);
        const chat = s.chats[message.chatId];
        if (isNew && chat && message.author?.id !== me && message.seq > chat.myReadUpToSeq) {
          s.unread = { ...s.unread, [chat.id]: (s.unread[chat.id] ?? 0) + 1 };
        }
        break;
      }
      case 'message.deleted': {
        const list = s.messages[e.chatId!];
        const old = list?.find((m) => m.id === p.id);
        const gone: Message = { ...(old ?? { id: p.id as string, chatId: e.chatId!, roomId: e.roomId, seq: p.seq as number, kind: 'text', createdAt: e.at }), body: null, attachmentId: null, location: null, deleted: true };
        storeMessage(s, gone);
        break;
      }
      default:
        break;
    }
    persist({ store: 'cursors', key: e.roomId, value: e.seq });
  });
}

/** The newest messages of a chat from the cache, then from the server if the cache has fewer. */
export async function openChatWindow(chatId: string): Promise<void> {
  const cached = await cachedMessages(chatId, Number.MAX_SAFE_INTEGER, 50);
  update((s) => { s.messages[chatId] = cached; s.hasOlder[chatId] = true; });
  try {
    const page = await api.messages(chatId, undefined, 50);
    update((s) => {
      const byId = new Map((s.messages[chatId] ?? []).map((m) => [m.id, m]));
      page.messages.forEach((m) => { byId.set(m.id, m); persist({ store: 'messages', value: m }); });
      s.messages[chatId] = [...byId.values()].sort((a, b) => a.seq - b.seq);
      s.hasOlder[chatId] = page.hasMore;
    });
  } catch { /* offline: the cache is what there is */ }
}

/** One page of older messages before the loaded window (the cache first, then the server). */
export async function loadOlder(chatId: string): Promise<void> {
  const loaded = state.messages[chatId] ?? [];
  const before = loaded.length ? loaded[0].seq : Number.MAX_SAFE_INTEGER;
  let older = await cachedMessages(chatId, before, 50);
  let hasMore = older.length === 50;
  if (older.length < 50) {
    try {
      const page = await api.messages(chatId, before === Number.MAX_SAFE_INTEGER ? undefined : before, 50);
      older = page.messages;
      hasMore = page.hasMore;
      older.forEach((m) => persist({ store: 'messages', value: m }));
    } catch { hasMore = false; }
  }
  update((s) => {
    const ids = new Set((s.messages[chatId] ?? []).map((m) => m.id));
    s.messages[chatId] = [...older.filter((m) => !ids.has(m.id)), ...(s.messages[chatId] ?? [])].sort((a, b) => a.seq - b.seq);
    s.hasOlder[chatId] = hasMore;
  });
}

/** Keeps an open chat's window to its newest messages while the reader is at the bottom (memory stays flat). */
export function trimWindow(chatId: string, keep: number): void {
  const list = state.messages[chatId];
  if (list && list.length > keep * 2) update((s) => { s.messages[chatId] = list.slice(-keep); s.hasOlder[chatId] = true; });
}
