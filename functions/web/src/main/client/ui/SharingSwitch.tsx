import { t } from '../i18n';
import { setSharing } from '../sharing';
import { useAppState } from './hooks';
import { PinIcon } from './Icons';

/** The switch for sharing this device's position, and the indicator that it is shared (top bar, always visible). */
export function SharingSwitch() {
  const s = useAppState();
  const text = t().map;
  const on = s.sharing.on;
  return (
    <button type="button" class={`sharing-switch${on ? ' on' : ''}`} role="switch" aria-checked={on} disabled={s.sharing.starting}
      title={on ? text.sharingOnHint : text.sharingOffHint} onClick={() => void setSharing(!on)}>
      {on && <span class="sharing-dot" aria-hidden="true" />}
      <PinIcon />
      <span class="sharing-label">{on ? text.sharingOn : text.sharingOff}</span>
    </button>
  );
}
