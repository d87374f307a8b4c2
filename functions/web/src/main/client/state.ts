import type { Chat, ChatMember, MapFocus, Me, Message, OutboxItem, Room, RoomMember } from './types';

/** Everything the screens show; changed only through update(), which notifies the screens. */
export interface State {
  phase: 'starting' | 'signed-out' | 'signing-in' | 'ready';
  me?: Me;
  connection: 'offline' | 'connecting' | 'online';
  rooms: Record<string, Room>;
  roomMembers: Record<string, RoomMember[]>;
  chats: Record<string, Chat>;
  chatMembers: Record<string, ChatMember[]>;
  /** The loaded window of each open chat's messages, in seq order. */
  messages: Record<string, Message[]>;
  /** Whether older messages exist before the loaded window. */
  hasOlder: Record<string, boolean>;
  unread: Record<string, number>;
  outbox: OutboxItem[];
  roomId?: string;
  chatId?: string;
  details: boolean;
  /** The open chat's map is shown (a view of its own on a phone, beside the chat on a desktop). */
  map: boolean;
  mapFocus?: MapFocus;
  /** Sharing this device's position: on, and the last answer of the positions function. */
  sharing: { on: boolean; starting: boolean; lastSentAt?: string; problem?: string };
  /** Push notifications on this device: whether the browser can take them, whether they are on. */
  push: { supported: boolean; on: boolean; busy: boolean };
  notice?: string;
  language: 'de' | 'en';
}

export const state: State = {
  phase: 'starting', connection: 'offline', rooms: {}, roomMembers: {}, chats: {}, chatMembers: {}, messages: {},
  hasOlder: {}, unread: {}, outbox: [], details: false, map: false, sharing: { on: false, starting: false },
  push: { supported: false, on: false, busy: false }, language: 'de',
};

const listeners = new Set<() => void>();
let scheduled = false;

export function update(change: (s: State) => void): void {
  change(state);
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(() => { scheduled = false; listeners.forEach((l) => l()); });
  }
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notify(message: string | undefined): void {
  update((s) => { s.notice = message; });
}

/** Inserts or replaces a message in a chat's loaded window (by id; kept in seq order). */
export function upsertMessage(s: State, message: Message): void {
  const list = s.messages[message.chatId];
  if (!list) return;
  const at = list.findIndex((m) => m.id === message.id);
  if (at >= 0) { list[at] = message; s.messages[message.chatId] = [...list]; return; }
  const next = [...list, message];
  if (list.length && list[list.length - 1].seq > message.seq) next.sort((a, b) => a.seq - b.seq);
  s.messages[message.chatId] = next;
}

export const can = (chat: Chat | undefined, permission: 'read' | 'write' | 'manage') =>
  !!chat && chat.myPermissions.includes(permission);

/** Permission changes this user made that the server has not all answered yet (members are read back after the last). */
export const permissionChanges = { chain: Promise.resolve() as Promise<unknown>, pending: 0 };
