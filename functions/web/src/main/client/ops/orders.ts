import { ApiError, call } from '../api';
import { applyWrites, database } from '../db';
import { go } from '../route';
import { state, update } from '../state';
import { streamStats } from '../stream';
import type { StreamEvent } from '../types';
import { isBeingRead, readView } from './viewReads';

/** An order's answers as its sender and the chat's managers follow them (functions/chat/README.md, "Orders"). */
export interface OrderRecipient {
  user: { id: string; displayName: string; unit?: string | null };
  delivered: boolean; deliveredAt?: string; read: boolean; readAt?: string;
  answer?: 'acknowledged' | 'declined'; reason?: string; answeredAt?: string;
}
export interface OrderView {
  messageId: string; chatId: string; summary: { recipients: number; delivered: number; read: number; acknowledged: number; declined: number; unanswered: number };
  recipients: OrderRecipient[];
}
export interface OrderAnswer { answer: 'acknowledged' | 'declined'; reason?: string; answeredAt: string }
/** A recipient's answer as the server has it (the payload of `order.acknowledged`/`order.declined`); no answer yet: none. */
interface Answered { recipient: { id: string }; answer?: 'acknowledged' | 'declined'; reason?: string; answeredAt?: string }
/** The reminder of an order this user has not answered: shown until they answer or dismiss it. */
export interface OrderReminder { messageId: string; chatId: string; roomId: string; seq: number; sentBy: string; priority?: string; remindedAt: string }

/**
 * Orders whose view is on screen, each user's last answer to each order (seen on the stream, or
 * this user's own read from the server), the orders this user is found to be no recipient of, the
 * open reminders of orders addressed to this user, and the order a reminder asked to be shown.
 */
export const orders = {
  views: {} as Record<string, OrderView>,
  answers: {} as Record<string, Record<string, OrderAnswer>>,
  notMine: {} as Record<string, true>,
  reminders: [] as OrderReminder[],
  focus: undefined as { chatId: string; messageId: string } | undefined,
};

const REMINDERS_KEY = 'orderReminders';
const DISMISSED_KEY = 'dismissedReminders';
/** How many dismissed reminders are remembered; older ones are long past any replay. */
const DISMISSED_KEPT = 500;
/**
 * The log position of the last reminder this user dismissed, per order: a replay of that event
 * (a reload whose cursor had not passed it yet) must not bring it back; a later reminder does.
 */
let dismissed: Record<string, number> = {};
const json = (body: unknown) => JSON.stringify(body);
const path = (chatId: string, messageId: string) => `/v1/chats/${chatId}/orders/${messageId}`;

const viewKey = (messageId: string) => `order:${messageId}`;

export function loadOrder(chatId: string, messageId: string): Promise<void> {
  return readView(viewKey(messageId), async () => {
    try {
      const view = await call<OrderView>('chat', path(chatId, messageId));
      update(() => { orders.views = { ...orders.views, [messageId]: view }; });
    } catch { /* not the sender nor a manager, or offline: no view */ }
  });
}

/** Orders whose own answer was asked for (or is on its way); one that failed is asked again on the next connect. */
const askedOwn = new Set<string>();
const failedOwn = new Map<string, string>();

/**
 * This user's answer to an order from the server: a reload replays only what is new, so an answer
 * given before it is not on the stream again. A 403 means this user is no recipient of it.
 */
export async function loadOwnAnswer(chatId: string, messageId: string): Promise<void> {
  if (askedOwn.has(messageId)) return;
  askedOwn.add(messageId);
  failedOwn.delete(messageId);
  try {
    const own = await call<Answered>('chat', `${path(chatId, messageId)}/my-answer`, {}, 1);
    if (own.answer && own.answeredAt) {
      update(() => remember(messageId, own.recipient.id, { answer: own.answer!, reason: own.reason, answeredAt: own.answeredAt! }));
    }
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) {
      update(() => { orders.notMine = { ...orders.notMine, [messageId]: true }; });
    } else {
      askedOwn.delete(messageId);
      failedOwn.set(messageId, chatId);
    }
  }
}

export function retryOwnAnswers(): void {
  for (const [messageId, chatId] of [...failedOwn]) void loadOwnAnswer(chatId, messageId);
}

export async function answerOrder(chatId: string, messageId: string, answer: 'acknowledge' | 'decline', reason?: string): Promise<void> {
  const result = await call<Answered & OrderAnswer>(
    'chat', `${path(chatId, messageId)}/${answer}`, { method: 'POST', body: answer === 'decline' ? json({ reason }) : undefined });
  update(() => remember(messageId, result.recipient.id, { answer: result.answer, reason: result.reason, answeredAt: result.answeredAt }));
}

/** The newer answer wins (an answer read from the server may arrive after a later one on the stream). */
function remember(messageId: string, userId: string, answer: OrderAnswer): void {
  const known = orders.answers[messageId]?.[userId];
  if (known && Date.parse(known.answeredAt) > Date.parse(answer.answeredAt)) return;
  orders.answers = { ...orders.answers, [messageId]: { ...orders.answers[messageId], [userId]: answer } };
  if (userId === state.me?.id) forgetReminders((r) => r.messageId === messageId);
}

/** `order.*` events (called inside update()): answers, reminders for this user, and a view on screen (or being read) is read again. */
export function applyOrderEvent(e: StreamEvent): void {
  const p = e.payload as {
    messageId: string; chatId: string; recipient?: { id: string }; answer?: 'acknowledged' | 'declined'; reason?: string; answeredAt?: string;
    pending?: string[]; sentBy?: string; priority?: string; remindedAt?: string;
  };
  if ((e.event === 'order.acknowledged' || e.event === 'order.declined') && p.recipient && p.answer) {
    remember(p.messageId, p.recipient.id, { answer: p.answer, reason: p.reason, answeredAt: p.answeredAt ?? e.at });
  }
  if (e.event === 'order.reminded') remind(e, p);
  if (orders.views[p.messageId] || isBeingRead(viewKey(p.messageId))) void loadOrder(p.chatId, p.messageId);
}

/** Reminders that arrived while the stream replayed; the phone vibrates once for them when it is done. */
let replayedReminders = 0;

function remind(e: StreamEvent, p: { messageId: string; chatId: string; pending?: string[]; sentBy?: string; priority?: string; remindedAt?: string }): void {
  const me = state.me?.id;
  if (!me || !p.pending?.includes(me) || orders.reminders.some((r) => r.messageId === p.messageId)) return;
  if (orders.answers[p.messageId]?.[me] || wasDismissed(p.messageId, e.seq)) return;
  orders.reminders = [...orders.reminders, {
    messageId: p.messageId, chatId: p.chatId, roomId: e.roomId, seq: e.seq, sentBy: p.sentBy ?? '', priority: p.priority, remindedAt: p.remindedAt ?? e.at,
  }];
  saveReminders();
  if (streamStats.caughtUp) vibrate();
  else replayedReminders++;
}

function vibrate(): void {
  if ('vibrate' in navigator) navigator.vibrate([300, 120, 300, 120, 300]);
}

/** The replay is done: reminders it brought that are still open alert now, once. */
export function remindersCaughtUp(): void {
  if (replayedReminders > 0 && orders.reminders.length > 0) vibrate();
  replayedReminders = 0;
}

function saveReminders(): void {
  void applyWrites({ puts: [{ store: 'meta', key: REMINDERS_KEY, value: orders.reminders }], deletes: [] });
}

/** Drops the reminders that match (called inside update()): answered, dismissed, or nothing left to answer. */
export function forgetReminders(match: (reminder: OrderReminder) => boolean): void {
  if (!orders.reminders.some(match)) return;
  orders.reminders = orders.reminders.filter((r) => !match(r));
  saveReminders();
}

export function dismissReminder(messageId: string): void {
  const reminder = orders.reminders.find((r) => r.messageId === messageId);
  if (reminder) {
    const others = Object.entries(dismissed).filter(([id]) => id !== messageId);
    dismissed = Object.fromEntries([...others, [messageId, reminder.seq] as const].slice(-DISMISSED_KEPT));
    void applyWrites({ puts: [{ store: 'meta', key: DISMISSED_KEY, value: dismissed }], deletes: [] });
  }
  update(() => forgetReminders((r) => r.messageId === messageId));
}

/** Whether this user dismissed this reminder of the order, or a later one (reminders saved before `seq` existed count as new). */
function wasDismissed(messageId: string, seq: number | undefined): boolean {
  return messageId in dismissed && dismissed[messageId] >= (seq ?? Number.MAX_SAFE_INTEGER);
}

/** Open reminders survive a reload, and dismissed ones stay dismissed when the replay brings them again. */
export async function restoreReminders(): Promise<void> {
  const d = await database();
  const saved = ((await d.get('meta', REMINDERS_KEY)) ?? []) as OrderReminder[];
  dismissed = { ...((await d.get('meta', DISMISSED_KEY)) as Record<string, number> | undefined), ...dismissed };
  update(() => {
    const known = new Set(orders.reminders.map((r) => r.messageId));
    orders.reminders = [...saved.filter((r) => !known.has(r.messageId)), ...orders.reminders];
    forgetReminders((r) => wasDismissed(r.messageId, r.seq));
  });
}

/** The chat of a reminded order opens and scrolls to it (ChatView's message list does the scrolling). */
export function showOrder(reminder: OrderReminder): void {
  go(reminder.roomId, reminder.chatId);
  update(() => { orders.focus = { chatId: reminder.chatId, messageId: reminder.messageId }; });
}
