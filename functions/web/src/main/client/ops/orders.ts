import { call } from '../api';
import { update } from '../state';
import type { StreamEvent } from '../types';

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

/** Orders whose view is on screen, and each user's last answer to each order seen on the stream. */
export const orders = {
  views: {} as Record<string, OrderView>,
  answers: {} as Record<string, Record<string, OrderAnswer>>,
};

const json = (body: unknown) => JSON.stringify(body);

export async function loadOrder(chatId: string, messageId: string): Promise<void> {
  try {
    const view = await call<OrderView>('chat', `/v1/chats/${chatId}/orders/${messageId}`);
    update(() => { orders.views = { ...orders.views, [messageId]: view }; });
  } catch { /* not the sender nor a manager, or offline: no view */ }
}

export async function answerOrder(chatId: string, messageId: string, answer: 'acknowledge' | 'decline', reason?: string): Promise<void> {
  const result = await call<{ recipient: { id: string }; answer: 'acknowledged' | 'declined'; reason?: string; answeredAt: string }>(
    'chat', `/v1/chats/${chatId}/orders/${messageId}/${answer}`, { method: 'POST', body: answer === 'decline' ? json({ reason }) : undefined });
  update(() => remember(messageId, result.recipient.id, { answer: result.answer, reason: result.reason, answeredAt: result.answeredAt }));
}

function remember(messageId: string, userId: string, answer: OrderAnswer): void {
  orders.answers = { ...orders.answers, [messageId]: { ...orders.answers[messageId], [userId]: answer } };
}

/** `order.acknowledged`/`order.declined` (called inside update()): the answer, and a view on screen is read again. */
export function applyOrderEvent(e: StreamEvent): void {
  const p = e.payload as { messageId: string; chatId: string; recipient?: { id: string }; answer?: 'acknowledged' | 'declined'; reason?: string; answeredAt?: string };
  if ((e.event === 'order.acknowledged' || e.event === 'order.declined') && p.recipient && p.answer) {
    remember(p.messageId, p.recipient.id, { answer: p.answer, reason: p.reason, answeredAt: p.answeredAt ?? e.at });
  }
  if (orders.views[p.messageId]) void loadOrder(p.chatId, p.messageId);
}
