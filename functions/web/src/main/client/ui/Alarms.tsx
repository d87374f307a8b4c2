import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, errorText } from '../api';
import { t } from '../i18n';
import { acknowledgeAlarm, cancelAlarm, discardAlarm, raiseAlarm, resolveAlarm } from '../ops/alarms';
import { clock, coordinates } from '../ops/format';
import { ops } from '../ops/state';
import type { Alarm, AlarmKind, AlarmPosition, PendingAlarm } from '../ops/types';
import { notify } from '../state';
import { Dialog } from './Dialog';
import { attempt, useAppState } from './hooks';

const HOLD_MS = 1000;
/** The server's default grace time for taking an alarm back; later the raiser gives the all clear. */
const CANCEL_GRACE_MS = 120_000;
/** How long a raise waits for a location still being found before it goes without one. */
const POSITION_WAIT_MS = 2000;

export const AlarmIcon = () => (
  <svg width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width={2.2} stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
    <path d="M12 3 2 20h20z" /><path d="M12 10v4" /><path d="M12 17.2v.1" />
  </svg>
);

/** The alarm button of the top bar: it only opens the alarm dialog, where raising needs a held press. */
export function AlarmButton() {
  const [open, setOpen] = useState(false);
  const text = t().alarm;
  return (
    <>
      <button type="button" class="alarm-button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        <AlarmIcon /><span>{text.button}</span>
      </button>
      {open && <AlarmDialog onClose={() => setOpen(false)} />}
    </>
  );
}

type Located = { state: 'locating' } | { state: 'found'; position: AlarmPosition } | { state: 'none' };

/** Finds the location while the officer chooses (so the held press rarely has to wait for it). */
function useLocation(): [Located, () => Promise<AlarmPosition | undefined>] {
  const [located, setLocated] = useState<Located>(() => (navigator.geolocation ? { state: 'locating' } : { state: 'none' }));
  const found = useRef<Promise<AlarmPosition | undefined>>();
  useEffect(() => {
    if (!navigator.geolocation) return;
    found.current = new Promise((resolve) => navigator.geolocation.getCurrentPosition(
      (p) => {
        const position = { lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy };
        setLocated({ state: 'found', position });
        resolve(position);
      },
      () => { setLocated({ state: 'none' }); resolve(undefined); },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 }));
  }, []);
  const current = () => Promise.race([
    found.current ?? Promise.resolve(undefined),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), POSITION_WAIT_MS)),
  ]);
  return [located, current];
}

function AlarmDialog(props: { onClose: () => void }) {
  const s = useAppState();
  const text = t().alarm;
  const [kind, setKind] = useState<AlarmKind>('emergency');
  const [custom, setCustom] = useState('');
  const openRooms = Object.values(s.rooms).filter((r) => !r.closedAt);
  const current = s.roomId ? s.rooms[s.roomId] : undefined;
  const [onlyCurrent, setOnlyCurrent] = useState(false);
  const [located, position] = useLocation();
  const ready = kind !== 'custom' || custom.trim().length > 0;
  const raise = async () => {
    const where = await position();
    props.onClose();
    await raiseAlarm({
      kind, text: kind === 'custom' ? custom.trim() : undefined, position: where,
      roomIds: onlyCurrent && current ? [current.id] : undefined,
    });
  };
  return (
    <Dialog title={text.dialogTitle} onClose={props.onClose}>
      <form class="form alarm-form" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>{text.kind}</legend>
          {(['emergency', 'in_contact', 'custom'] as AlarmKind[]).map((k) => (
            <label class="check" key={k}>
              <input type="radio" name="alarm-kind" checked={kind === k} onChange={() => setKind(k)} />{text.kinds[k]}
            </label>
          ))}
        </fieldset>
        {kind === 'custom' && (
          <label>{text.customText}
            <input required maxLength={500} value={custom} onInput={(e) => setCustom((e.target as HTMLInputElement).value)} />
          </label>
        )}
        {current && !current.closedAt && openRooms.length > 1 && (
          <fieldset>
            <legend>{text.scope}</legend>
            <label class="check"><input type="radio" name="alarm-scope" checked={!onlyCurrent} onChange={() => setOnlyCurrent(false)} />{text.allRooms(openRooms.length)}</label>
            <label class="check"><input type="radio" name="alarm-scope" checked={onlyCurrent} onChange={() => setOnlyCurrent(true)} />{text.onlyRoom(current.name)}</label>
          </fieldset>
        )}
        <p class="alarm-location" role="status">
          {located.state === 'locating' ? text.locating : located.state === 'found' ? text.position(coordinates(located.position)) : text.noPosition}
        </p>
        <HoldButton label={text.hold} hint={text.holdHint} disabled={!ready} onHeld={() => void raise()} />
      </form>
    </Dialog>
  );
}

/** A button that acts only when held down for HOLD_MS (pointer, or space/enter held); letting go earlier does nothing. */
function HoldButton(props: { label: string; hint: string; disabled: boolean; onHeld: () => void }) {
  const [holding, setHolding] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const start = () => {
    if (timer.current || props.disabled) return;
    setHolding(true);
    timer.current = setTimeout(() => { timer.current = undefined; setHolding(false); props.onHeld(); }, HOLD_MS);
  };
  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    setHolding(false);
  };
  useEffect(() => stop, []);
  const isKey = (e: KeyboardEvent) => e.key === ' ' || e.key === 'Enter';
  return (
    <>
      <button type="button" class={`hold-button${holding ? ' holding' : ''}`} disabled={props.disabled} aria-describedby="hold-hint"
        style={`--hold-ms: ${HOLD_MS}ms`}
        onPointerDown={(e) => { (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId); start(); }}
        onPointerUp={stop} onPointerCancel={stop} onBlur={stop}
        onKeyDown={(e) => { if (isKey(e)) { e.preventDefault(); if (!e.repeat) start(); } }}
        onKeyUp={(e) => { if (isKey(e)) stop(); }}
        onContextMenu={(e) => e.preventDefault()}>
        <span class="hold-fill" aria-hidden="true" />
        <span class="hold-label"><AlarmIcon />{props.label}</span>
      </button>
      <p id="hold-hint" class="hint">{props.hint}</p>
    </>
  );
}

/** Every active alarm of the user's rooms, and their own not yet sent, above every screen. */
export function AlarmBanner() {
  useAppState();
  const alarms = Object.values(ops.alarms).sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  const pending = ops.alarmOutbox;
  if (alarms.length === 0 && pending.length === 0) return null;
  return (
    <section class="alarm-banner" role="alert" aria-label={t().alarm.banner}>
      {pending.map((p) => <PendingAlarmRow key={p.clientId} item={p} />)}
      {alarms.map((a) => <AlarmRow key={a.id} alarm={a} />)}
    </section>
  );
}

function PendingAlarmRow(props: { item: PendingAlarm }) {
  const s = useAppState();
  const text = t().alarm;
  const item = props.item;
  return (
    <article class={`alarm pending ${item.state}`} data-client-id={item.clientId}>
      <p class="alarm-title"><AlarmIcon /> <strong>{text.shortKinds[item.kind]}</strong>{item.text ? `: ${item.text}` : ''}</p>
      <p>{item.state === 'failed' ? text.failed(item.error ?? '') : navigator.onLine && s.connection === 'online' ? text.sending : text.waiting}</p>
      {item.state === 'failed' && (
        <div class="alarm-actions"><button type="button" onClick={() => void discardAlarm(item.clientId)}>{text.discard}</button></div>
      )}
    </article>
  );
}

function AlarmRow(props: { alarm: Alarm }) {
  const s = useAppState();
  const text = t().alarm;
  const a = props.alarm;
  const [confirming, setConfirming] = useState<'resolve' | 'cancel'>();
  const me = s.me?.id;
  const mine = a.raisedBy.id === me;
  const coming = a.acknowledgements.some((x) => x.responder.id === me);
  const manager = a.roomIds.some((r) => s.rooms[r]?.myRole === 'manager');
  const rooms = a.roomIds.map((r) => s.rooms[r]?.name).filter(Boolean).join(', ');
  const cancellable = mine && Date.now() - new Date(a.raisedAt).getTime() < CANCEL_GRACE_MS;
  const end = (how: 'resolve' | 'cancel') => attempt(async () => {
    try {
      await (how === 'resolve' ? resolveAlarm(a.id) : cancelAlarm(a.id));
    } catch (e) {
      if (how === 'cancel' && e instanceof ApiError && e.status === 409) { notify(errorText(e, text.cancelTooLate)); setConfirming(undefined); return; }
      throw e;
    }
  });
  return (
    <article class={`alarm${mine ? ' mine' : ''}`} data-alarm-id={a.id} aria-label={`${text.shortKinds[a.kind]} ${a.raisedBy.displayName}`}>
      <p class="alarm-title"><AlarmIcon /> <strong>{text.shortKinds[a.kind]}</strong>{a.text ? `: ${a.text}` : ''}</p>
      <p class="alarm-who">
        {mine ? text.mine : `${a.raisedBy.displayName}${a.raisedBy.unit ? ` (${a.raisedBy.unit})` : ''}`}
        {' · '}<time dateTime={a.raisedAt}>{clock(a.raisedAt)}</time>
      </p>
      <p class="alarm-facts">
        {a.position ? text.at(coordinates(a.position)) : text.withoutPosition}
        {rooms && <> · {text.inRooms(rooms)}</>}
        {a.renotifications > 0 && <> · {text.announcedAgain(a.renotifications)}</>}
      </p>
      <p class="alarm-responders">
        {a.acknowledgements.length ? text.coming(a.acknowledgements.map((x) => x.responder.displayName).join(', ')) : text.nobodyYet}
      </p>
      <div class="alarm-actions">
        {confirming ? (
          <>
            <span>{confirming === 'resolve' ? text.confirmResolve : text.confirmCancel}</span>
            <button type="button" class="alarm-confirm" onClick={() => void end(confirming)}>{text.yes}</button>
            <button type="button" onClick={() => setConfirming(undefined)}>{text.no}</button>
          </>
        ) : (
          <>
            {!mine && !coming && <button type="button" class="alarm-ack" onClick={() => void attempt(() => acknowledgeAlarm(a.id))}>{text.iAmComing}</button>}
            {!mine && coming && <span class="alarm-coming">{text.youAreComing}</span>}
            {(mine || manager) && <button type="button" onClick={() => setConfirming('resolve')}>{text.resolve}</button>}
            {cancellable && <button type="button" onClick={() => setConfirming('cancel')}>{text.cancel}</button>}
          </>
        )}
      </div>
    </article>
  );
}
