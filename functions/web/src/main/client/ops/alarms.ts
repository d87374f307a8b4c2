import { ApiError, errorText, newClientId } from '../api';
import { applyWrites, database } from '../db';
import { sendQueue } from '../sendQueue';
import { state, update } from '../state';
import type { StreamEvent } from '../types';
import { opsApi } from './api';
import { ops } from './state';
import type { Alarm, AlarmKind, AlarmPerson, AlarmPosition, PendingAlarm } from './types';

/**
 * The active alarms of the user's rooms. The stream's `alarms` frame (right after `welcome`,
 * before any replay) is the state at connecting; `alarm.*` events change it from there. An
 * `alarm.raised` replayed from before the frame belongs to an alarm that has ended since, unless the
 * frame listed it; one the replay raises without ending it (raised after the frame, or ended while
 * this user was out of the room) is looked up once the replay is done rather than flashed meanwhile.
 */
const unconfirmed = new Set<string>();
let replaying = false;

const OUTBOX_KEY = 'alarmOutbox';

const isActive = (alarm: Alarm) => alarm.state === 'raised' || alarm.state === 'acknowledged';
const mine = (person: AlarmPerson) => person.id === state.me?.id;

/** A new alarm of someone else: phones vibrate (the banner itself is always on screen). */
function alert(alarm: Alarm): void {
  if (!mine(alarm.raisedBy) && 'vibrate' in navigator) navigator.vibrate([400, 150, 400, 150, 400]);
}

export function onAlarmsFrame(alarms: Alarm[]): void {
  replaying = true;
  unconfirmed.clear();
  const known = new Set(Object.keys(ops.alarms));
  update(() => { ops.alarms = Object.fromEntries(alarms.map((a) => [a.id, a])); });
  alarms.filter((a) => !known.has(a.id)).forEach(alert);
}

export async function onCaughtUp(): Promise<void> {
  replaying = false;
  const ids = [...unconfirmed];
  unconfirmed.clear();
  await Promise.all(ids.map(refreshAlarm));
}

async function refreshAlarm(id: string): Promise<void> {
  try {
    const alarm = await opsApi.alarm(id);
    update(() => {
      if (isActive(alarm)) {
        if (!ops.alarms[alarm.id]) alert(alarm);
        ops.alarms = { ...ops.alarms, [alarm.id]: alarm };
      } else {
        dropAlarm(alarm.id);
      }
    });
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) update(() => dropAlarm(id));
  }
}

function dropAlarm(id: string): void {
  if (!ops.alarms[id]) return;
  const next = { ...ops.alarms };
  delete next[id];
  ops.alarms = next;
}

function put(alarm: Alarm): void {
  ops.alarms = { ...ops.alarms, [alarm.id]: alarm };
}

/** One `alarm.*` event (called inside update()); an alarm of several rooms arrives once per room. */
export function applyAlarmEvent(e: StreamEvent): void {
  const p = e.payload as Record<string, unknown>;
  const id = p.alarmId as string;
  const known = ops.alarms[id];
  switch (e.event) {
    case 'alarm.raised':
      if (known) {
        if (!known.roomIds.includes(e.roomId)) put({ ...known, roomIds: [...known.roomIds, e.roomId] });
      } else if (replaying) {
        unconfirmed.add(id);
      } else {
        const alarm: Alarm = {
          id, roomIds: [e.roomId], kind: p.kind as AlarmKind, text: p.text as string | undefined,
          position: p.position as AlarmPosition | undefined, raisedBy: p.raisedBy as AlarmPerson,
          raisedAt: p.raisedAt as string, state: 'raised', acknowledgements: [], renotifications: 0,
        };
        put(alarm);
        alert(alarm);
      }
      break;
    case 'alarm.acknowledged': {
      const responder = p.responder as AlarmPerson;
      if (known && !known.acknowledgements.some((a) => a.responder.id === responder.id)) {
        put({ ...known, state: 'acknowledged', acknowledgements: [...known.acknowledgements, { responder, at: p.acknowledgedAt as string }] });
      }
      break;
    }
    case 'alarm.resolved':
    case 'alarm.cancelled':
      unconfirmed.delete(id);
      dropAlarm(id);
      break;
    case 'alarm.renotified':
      if (known) {
        put({ ...known, renotifications: Math.max(known.renotifications, p.renotification as number) });
        if (!replaying) alert(known);
      } else if (!replaying) {
        void refreshAlarm(id);
      }
      break;
    default:
      break;
  }
}

/** This user left a room (or was removed): its alarms stay only if they concern another of the user's rooms. */
export function forgetRoomAlarms(roomId: string): void {
  for (const alarm of Object.values(ops.alarms)) {
    if (!alarm.roomIds.includes(roomId)) continue;
    const rest = alarm.roomIds.filter((r) => r !== roomId);
    if (rest.length) put({ ...alarm, roomIds: rest });
    else dropAlarm(alarm.id);
  }
}

async function saveOutbox(): Promise<void> {
  await applyWrites({ puts: [{ store: 'meta', key: OUTBOX_KEY, value: ops.alarmOutbox }], deletes: [] });
}

/** Alarms raised while offline (or unanswered before a reload) are sent again, with their client ids. */
export async function restoreAlarmOutbox(): Promise<void> {
  const saved = (await (await database()).get('meta', OUTBOX_KEY)) as PendingAlarm[] | undefined;
  if (saved?.length) update(() => { ops.alarmOutbox = saved; });
  window.addEventListener('online', () => void flushAlarms());
}

/**
 * Raises an alarm: first written to IndexedDB with a fresh client id, then sent, and sent again
 * with the same client id until the server answers (the server keeps one alarm per client id).
 */
export async function raiseAlarm(input: { kind: AlarmKind; text?: string; position?: AlarmPosition; roomIds?: string[] }): Promise<void> {
  const item: PendingAlarm = { ...input, clientId: newClientId(), createdAt: new Date().toISOString(), state: 'pending' };
  update(() => { ops.alarmOutbox = [...ops.alarmOutbox, item]; });
  await saveOutbox();
  await flushAlarms();
}

export async function discardAlarm(clientId: string): Promise<void> {
  update(() => { ops.alarmOutbox = ops.alarmOutbox.filter((a) => a.clientId !== clientId); });
  await saveOutbox();
}

/** Sends the alarms not yet answered; a failed pass is tried again soon (an alarm does not wait long). */
export const flushAlarms = sendQueue<PendingAlarm>({
  pending: () => ops.alarmOutbox.filter((a) => a.state === 'pending'),
  retryMs: 1500,
  send: async (item) => {
    const alarm = await opsApi.raiseAlarm({ clientId: item.clientId, kind: item.kind, text: item.text, position: item.position, roomIds: item.roomIds });
    update(() => {
      ops.alarmOutbox = ops.alarmOutbox.filter((a) => a.clientId !== item.clientId);
      if (isActive(alarm) && !ops.alarms[alarm.id]) put(alarm);
    });
    await saveOutbox();
  },
  refused: async (item, e) => {
    update(() => { ops.alarmOutbox = ops.alarmOutbox.map((a) => (a.clientId === item.clientId ? { ...a, state: 'failed', error: errorText(e) } : a)); });
    await saveOutbox();
  },
});

export const acknowledgeAlarm = (id: string) => opsApi.acknowledgeAlarm(id).then(applyAnswer);
export const resolveAlarm = (id: string) => opsApi.resolveAlarm(id).then(applyAnswer);
export const cancelAlarm = (id: string) => opsApi.cancelAlarm(id).then(applyAnswer);

/** The answer of a transition is the alarm as it stands: shown at once, before its event arrives. */
function applyAnswer(alarm: Alarm): void {
  update(() => {
    if (!isActive(alarm)) dropAlarm(alarm.id);
    else if (ops.alarms[alarm.id]) put(alarm);
  });
}
