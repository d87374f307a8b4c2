import { t } from '../i18n';
import { setPush } from '../push';
import { useAppState } from './hooks';
import { BellIcon } from './Icons';

/** The switch for push notifications on this device (top bar); absent where the browser cannot take pushes. */
export function PushSwitch() {
  const s = useAppState();
  const text = t().push;
  if (!s.push.supported) return null;
  const on = s.push.on;
  return (
    <button type="button" class={`push-switch${on ? ' on' : ''}`} role="switch" aria-checked={on} disabled={s.push.busy}
      title={on ? text.onHint : text.offHint} onClick={() => void setPush(!on)}>
      <BellIcon />
      <span class="push-label">{on ? text.on : text.off}</span>
    </button>
  );
}
