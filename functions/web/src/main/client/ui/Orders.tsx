import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { clock } from '../ops/format';
import { answerOrder, dismissReminder, loadOrder, loadOwnAnswer, orders, showOrder, type OrderReminder } from '../ops/orders';
import { can } from '../state';
import type { Chat, Message } from '../types';
import { attempt, useAppState } from './hooks';

/** A message's priority and, for an order, the recipient's answer buttons or the sender's and managers' roll-up. */
export function OrderBlock(props: { message: Message; chat: Chat }) {
  const s = useAppState();
  const m = props.message;
  const mine = m.author?.id === s.me?.id;
  if (!m.priority && !m.ackRequested) return null;
  return (
    <div class="order">
      <OrderBadges priority={m.priority} ackRequested={m.ackRequested} />
      {m.ackRequested && !mine && <OrderAnswerButtons message={m} />}
      {m.ackRequested && (mine || can(props.chat, 'manage')) && <OrderFollow message={m} />}
    </div>
  );
}

/** A message's priority chip (important, urgent) and "order" chip. */
export function OrderBadges(props: { priority?: 'important' | 'urgent' | null; ackRequested?: boolean | null }) {
  const text = t().orders;
  if (!props.priority && !props.ackRequested) return null;
  return (
    <p class="order-badges">
      {props.priority && <span class={`chip priority ${props.priority}`}>{text.priority[props.priority]}</span>}
      {props.ackRequested && <span class="chip order-chip">{text.order}</span>}
    </p>
  );
}

function OrderAnswerButtons(props: { message: Message }) {
  const s = useAppState();
  const text = t().orders;
  const m = props.message;
  const mine = orders.answers[m.id]?.[s.me?.id ?? ''];
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  useEffect(() => { if (!mine) void loadOwnAnswer(m.chatId, m.id); }, [m.id]);
  // Members who joined the chat after the order (or lost read) are no recipients of it.
  if (orders.notMine[m.id]) return null;
  if (declining) {
    return (
      <form class="order-decline" onSubmit={(e) => {
        e.preventDefault();
        void attempt(async () => { await answerOrder(m.chatId, m.id, 'decline', reason.trim()); setDeclining(false); });
      }}>
        <label>{text.reason}<input required maxLength={200} value={reason} onInput={(e) => setReason((e.target as HTMLInputElement).value)} /></label>
        <button type="submit" class="small primary">{text.sendDecline}</button>
        <button type="button" class="small" onClick={() => setDeclining(false)}>{t().cancel}</button>
      </form>
    );
  }
  return (
    <div class="order-actions">
      {mine && <span class={`order-mine ${mine.answer}`}>{mine.answer === 'acknowledged' ? text.youAcknowledged : text.youDeclined(mine.reason ?? '')}</span>}
      {mine?.answer !== 'acknowledged' && (
        <button type="button" class="small primary" onClick={() => void attempt(() => answerOrder(m.chatId, m.id, 'acknowledge'))}>{text.acknowledge}</button>
      )}
      {mine?.answer !== 'declined' && <button type="button" class="small" onClick={() => setDeclining(true)}>{text.decline}</button>}
    </div>
  );
}

function OrderFollow(props: { message: Message }) {
  useAppState();
  const text = t().orders;
  const m = props.message;
  useEffect(() => { void loadOrder(m.chatId, m.id); }, [m.id]);
  const view = orders.views[m.id];
  if (!view) return null;
  return (
    <details class="order-follow">
      <summary>{text.rollUp(view.summary.acknowledged, view.summary.recipients, view.summary.declined)}</summary>
      <ul class="order-recipients">
        {view.recipients.map((r) => (
          <li key={r.user.id} class={r.answer ?? 'open'}>
            <span class="member-name">{r.user.displayName}</span>
            <span>
              {r.answer === 'acknowledged' ? text.acknowledgedAt(clock(r.answeredAt!))
                : r.answer === 'declined' ? text.declinedAt(clock(r.answeredAt!), r.reason ?? '')
                : r.read ? text.readAt(clock(r.readAt!)) : r.delivered ? text.deliveredAt(clock(r.deliveredAt!)) : text.notDelivered}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Reminders of orders this user has not answered, on every screen until they answer or dismiss them:
 * the newest in full and, when there are more, one line under it that shows the others (and stays
 * there to fold them again), so that a few open orders do not take a phone's screen.
 */
export function OrderReminders() {
  const s = useAppState();
  const text = t().orders;
  const [expanded, setExpanded] = useState(false);
  const open = orders.reminders.filter((r) => !s.rooms[r.roomId]?.closedAt)
    .sort((a, b) => Date.parse(b.remindedAt) - Date.parse(a.remindedAt));
  useEffect(() => { if (open.length <= 1) setExpanded(false); }, [open.length]);
  if (open.length === 0) return null;
  const others = open.length - 1;
  return (
    <>
      <Reminder key={open[0].messageId} reminder={open[0]} />
      {others > 0 && (
        <div class="order-reminders-more">
          <span>{expanded ? text.allReminders(open.length) : text.moreReminders(others)}</span>
          <button type="button" class="small" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? text.fewerReminders : text.showAllReminders}
          </button>
        </div>
      )}
      {expanded && open.slice(1).map((r) => <Reminder key={r.messageId} reminder={r} />)}
    </>
  );
}

function Reminder(props: { reminder: OrderReminder }) {
  const s = useAppState();
  const text = t().orders;
  const r = props.reminder;
  const chat = s.chats[r.chatId];
  const room = s.rooms[r.roomId];
  const message = s.messages[r.chatId]?.find((m) => m.id === r.messageId);
  const sender = message?.author?.displayName
    ?? s.chatMembers[r.chatId]?.find((m) => m.userId === r.sentBy)?.displayName
    ?? s.roomMembers[r.roomId]?.find((m) => m.userId === r.sentBy)?.displayName;
  const where = chat ? text.reminderWhere(chat.name, room?.name ?? '') : room?.name ?? '';
  return (
    <div class="order-reminder" role="alert" data-message-id={r.messageId}>
      <p class="order-reminder-text">
        <strong>{text.reminderTitle}</strong>
        {r.priority === 'urgent' && <span class="chip priority urgent">{text.priority.urgent}</span>}
        <span>{where}{sender ? ` · ${text.reminderFrom(sender)}` : ''} · {clock(r.remindedAt)}</span>
        {message?.body && <span class="order-reminder-body">{text.reminderBody(message.body)}</span>}
      </p>
      <div class="order-reminder-actions">
        <button type="button" class="primary small" onClick={() => showOrder(r)}>{text.goToOrder}</button>
        <button type="button" class="small" aria-label={text.dismissReminderLabel(chat?.name ?? where)} onClick={() => dismissReminder(r.messageId)}>
          {text.dismissReminder}
        </button>
      </div>
    </div>
  );
}
