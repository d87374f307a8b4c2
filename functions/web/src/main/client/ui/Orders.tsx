import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { clock } from '../ops/format';
import { answerOrder, loadOrder, orders } from '../ops/orders';
import { can } from '../state';
import type { Chat, Message } from '../types';
import { attempt, useAppState } from './hooks';

/** A message's priority and, for an order, the recipient's answer buttons or the sender's and managers' roll-up. */
export function OrderBlock(props: { message: Message; chat: Chat }) {
  const s = useAppState();
  const text = t().orders;
  const m = props.message;
  const mine = m.author?.id === s.me?.id;
  if (!m.priority && !m.ackRequested) return null;
  return (
    <div class="order">
      <p class="order-badges">
        {m.priority && <span class={`chip priority ${m.priority}`}>{text.priority[m.priority]}</span>}
        {m.ackRequested && <span class="chip order-chip">{text.order}</span>}
      </p>
      {m.ackRequested && !mine && <OrderAnswerButtons message={m} />}
      {m.ackRequested && (mine || can(props.chat, 'manage')) && <OrderFollow message={m} />}
    </div>
  );
}

function OrderAnswerButtons(props: { message: Message }) {
  const s = useAppState();
  const text = t().orders;
  const m = props.message;
  const mine = orders.answers[m.id]?.[s.me?.id ?? ''];
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
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
