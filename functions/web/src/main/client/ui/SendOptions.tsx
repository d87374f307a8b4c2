import { t } from '../i18n';
import { OrderBadges } from './Orders';

export type Priority = 'normal' | 'important' | 'urgent';
/** How the next message goes out: its priority, and whether it is an order its recipients answer. */
export interface SendAs { priority: Priority; order: boolean }
export const plainMessage: SendAs = { priority: 'normal', order: false };

const PRIORITIES: Priority[] = ['normal', 'important', 'urgent'];

export const isPlain = (sendAs: SendAs) => sendAs.priority === 'normal' && !sendAs.order;

/** The toggle beside the composer: it only opens the choice, so a stray tap sends nothing differently. */
export function SendOptionsToggle(props: { sendAs: SendAs; open: boolean; onToggle: () => void }) {
  const text = t().orders;
  return (
    <button type="button" class={`icon-button send-options-toggle${isPlain(props.sendAs) ? '' : ` chosen ${props.sendAs.priority}`}`}
      aria-expanded={props.open} aria-controls={props.open ? 'send-options' : undefined} title={text.sendOptions} aria-label={text.sendOptions}
      onClick={props.onToggle}>!</button>
  );
}

/** Priority (normal, important, urgent) and "order" for the next message. */
export function SendOptions(props: { sendAs: SendAs; onChange: (sendAs: SendAs) => void; onClose: () => void }) {
  const text = t().orders;
  const sendAs = props.sendAs;
  return (
    <div class="send-options" id="send-options" onKeyDown={(e) => { if (e.key === 'Escape') props.onClose(); }}>
      <fieldset class="priority-choice">
        <legend>{text.priorityLegend}</legend>
        {PRIORITIES.map((priority) => (
          <label key={priority} class={`priority-option ${priority}`}>
            <input type="radio" name="send-priority" value={priority} checked={sendAs.priority === priority}
              onChange={() => props.onChange({ ...sendAs, priority })} />
            <span>{text.priorities[priority]}</span>
          </label>
        ))}
      </fieldset>
      <label class="order-option">
        <input type="checkbox" checked={sendAs.order} onChange={(e) => props.onChange({ ...sendAs, order: (e.target as HTMLInputElement).checked })} />
        <span>{text.asOrder}</span>
      </label>
      <button type="button" class="small primary" onClick={props.onClose}>{text.optionsDone}</button>
    </div>
  );
}

/** What the next message carries, always in view above the composer until it is sent or reset. */
export function SendAsLine(props: { sendAs: SendAs; onReset: () => void }) {
  const text = t().orders;
  const sendAs = props.sendAs;
  if (isPlain(sendAs)) return null;
  return (
    <p class={`send-as ${sendAs.priority}`}>
      <span>{text.sendingAs}</span>
      <OrderBadges priority={sendAs.priority === 'normal' ? undefined : sendAs.priority} ackRequested={sendAs.order} />
      <button type="button" class="link-button" aria-label={text.backToPlainLabel} onClick={props.onReset}>{text.backToPlain}</button>
    </p>
  );
}
