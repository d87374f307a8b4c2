import { freshToken } from './auth';
import { config } from './config';
import { clearAll, clearRoom, database } from './db';
import { state, update } from './state';
import { onAlarmsFrame, onCaughtUp } from './ops/alarms';
import { remindersCaughtUp } from './ops/orders';
import { applyEvent, flush, persist, recountUnread, refreshRooms } from './sync';
import type { ServerFrame, StreamEvent } from './types';

/**
 * The one WebSocket of this tab (functions/chat/STREAM-PROTOCOL.md). The token travels in the
 * subprotocol header form of Quarkus WebSockets Next, never in the URL. Reconnects with
 * exponential backoff and jitter; closes after the page was hidden for a while and resumes from
 * the cursors when it is visible again.
 */
const HIDDEN_CLOSE_MS = 60_000;
const SILENCE_MS = 60_000;

let socket: WebSocket | undefined;
let attempt = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let hiddenTimer: ReturnType<typeof setTimeout> | undefined;
let silenceTimer: ReturnType<typeof setTimeout> | undefined;
let wanted = false;
let connecting = false;
const connectedListeners = new Set<() => void>();

/** Counters the browser tests read: frames and events of the current socket, and since the page loaded. */
export const streamStats = {
  sockets: 0, framesThisSocket: 0, eventsThisSocket: 0, eventsBeforeCaughtUp: 0, caughtUp: false, events: 0,
  /** Event frames that arrived on this socket before its `alarms` frame (-1: none yet), and the alarms it listed. */
  eventsBeforeAlarms: -1, alarmsOnConnect: [] as string[],
  /** Per room, the seq of the first event this socket replayed before `caught_up`. */
  firstReplayedSeq: {} as Record<string, number>,
  /** The cursors this socket's `hello` carried. */
  helloCursors: {} as Record<string, number>,
  /** The `reload` frames this socket received (reason and room). */
  reloads: [] as string[],
};
(window as unknown as { lagebildStream: typeof streamStats }).lagebildStream = streamStats;

const positionListeners = new Set<(frame: ServerFrame) => void>();
const eventListeners = new Set<(event: StreamEvent) => void>();
const watched = new Set<string>();

function sendFrame(frame: Record<string, unknown>): void {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
}

/** The map (loaded on demand) watches a chat's positions on this one socket; kept across reconnects. */
export function watchPositions(chatId: string, listener: (frame: ServerFrame) => void): () => void {
  watched.add(chatId);
  positionListeners.add(listener);
  if (streamStats.caughtUp) sendFrame({ type: 'watch', chatId });
  return () => {
    watched.delete(chatId);
    positionListeners.delete(listener);
    sendFrame({ type: 'unwatch', chatId });
  };
}

(window as unknown as { lagebildWatch: typeof watchPositions }).lagebildWatch = watchPositions;

/** The events of the rooms' logs as they arrive (the map follows POI events), after the app applied them. */
export function onStreamEvent(listener: (event: StreamEvent) => void): () => void {
  eventListeners.add(listener);
  return () => eventListeners.delete(listener);
}

export function onConnected(listener: () => void): void {
  connectedListeners.add(listener);
}

export function startStream(): void {
  wanted = true;
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('online', () => { attempt = 0; reconnectSoon(0); });
  window.addEventListener('pagehide', () => void flush());
  void connect();
}

export function stopStream(): void {
  wanted = false;
  socket?.close(1000);
}

function isHidden(): boolean {
  return document.visibilityState === 'hidden';
}

/** Whether a socket should be opened now: wanted, none open, the app on screen. */
function mayConnect(): boolean {
  return wanted && !socket && !isHidden();
}

function wsUrl(): string {
  return config().chatUrl.replace(/^http/, 'ws') + '/v1/stream';
}

async function connect(): Promise<void> {
  if (connecting || !mayConnect()) return;
  // A token renewal can take seconds; a second call meanwhile (the app shown again, back online) must not open a second socket.
  connecting = true;
  let token: string | undefined;
  try {
    token = await freshToken();
  } finally {
    connecting = false;
  }
  if (!mayConnect()) return;
  if (!token) { reconnectSoon(); return; }
  update((s) => { s.connection = 'connecting'; });
  const ws = new WebSocket(wsUrl(), ['bearer-token-carrier', 'quarkus-http-upgrade#Authorization#' + encodeURIComponent('Bearer ' + token)]);
  socket = ws;
  streamStats.sockets++;
  streamStats.framesThisSocket = 0;
  streamStats.eventsThisSocket = 0;
  streamStats.eventsBeforeCaughtUp = 0;
  streamStats.firstReplayedSeq = {};
  streamStats.helloCursors = {};
  streamStats.reloads = [];
  streamStats.caughtUp = false;
  streamStats.eventsBeforeAlarms = -1;
  let eventFrames = 0;
  ws.onopen = async () => {
    const d = await database();
    const cursors: Record<string, number> = {};
    for (const key of await d.getAllKeys('cursors')) cursors[key] = (await d.get('cursors', key)) ?? 0;
    const epoch = (await d.get('meta', 'epoch')) as string | undefined;
    streamStats.helloCursors = cursors;
    ws.send(JSON.stringify({ type: 'hello', cursors, ...(epoch ? { epoch } : {}) }));
    heard();
  };
  ws.onmessage = (message) => {
    heard();
    const frame = JSON.parse(String(message.data)) as ServerFrame;
    if (frame.type === 'event') eventFrames++;
    if (frame.type === 'alarms') {
      // Shown at once, not behind the frames before it in the queue (the welcome's room refresh).
      streamStats.eventsBeforeAlarms = eventFrames;
      streamStats.alarmsOnConnect = frame.alarms.map((a) => a.id);
      onAlarmsFrame(frame.alarms);
    }
    void receive(frame);
  };
  ws.onclose = () => {
    if (socket === ws) socket = undefined;
    if (silenceTimer) clearTimeout(silenceTimer);
    update((s) => { s.connection = 'offline'; });
    void flush();
    if (wanted) reconnectSoon();
  };
  ws.onerror = () => ws.close();
}

let queue: Promise<void> = Promise.resolve();

/** Frames are handled strictly one after the other, in arrival order. */
function receive(frame: ServerFrame): Promise<void> {
  queue = queue.then(() => handle(frame)).catch(() => undefined);
  return queue;
}

async function handle(frame: ServerFrame): Promise<void> {
  streamStats.framesThisSocket++;
  switch (frame.type) {
    case 'welcome':
      persist({ store: 'meta', key: 'epoch', value: frame.epoch });
      attempt = 0;
      update((s) => { s.connection = 'online'; });
      await refreshRooms().catch(() => undefined);
      connectedListeners.forEach((l) => l());
      break;
    case 'reload':
      streamStats.reloads.push(frame.reason + (frame.roomId ? ' ' + frame.roomId : ''));
      await flush();
      if (frame.reason === 'epoch') {
        const me = state.me?.id;
        await clearAll();
        persist({ store: 'meta', key: 'user', value: me });
        update((s) => { s.messages = {}; s.unread = {}; });
      } else if (frame.roomId) {
        await clearRoom(frame.roomId);
        update((s) => { for (const chat of Object.values(s.chats)) if (chat.roomId === frame.roomId) delete s.messages[chat.id]; });
      }
      break;
    case 'event':
      streamStats.eventsThisSocket++;
      streamStats.events++;
      if (!streamStats.caughtUp) {
        streamStats.eventsBeforeCaughtUp++;
        streamStats.firstReplayedSeq[frame.roomId] ??= frame.seq;
      }
      applyEvent(frame);
      eventListeners.forEach((l) => l(frame));
      break;
    case 'caught_up':
      streamStats.caughtUp = true;
      void onCaughtUp();
      remindersCaughtUp();
      watched.forEach((chatId) => sendFrame({ type: 'watch', chatId }));
      await flush();
      await recountUnread();
      break;
    case 'positions':
    case 'watching':
    case 'unwatched':
    case 'error':
      positionListeners.forEach((l) => l(frame));
      break;
    default:
      break;
  }
}

function heard(): void {
  if (silenceTimer) clearTimeout(silenceTimer);
  silenceTimer = setTimeout(() => socket?.close(4000, 'silent'), SILENCE_MS);
}

function reconnectSoon(delay?: number): void {
  if (retryTimer) clearTimeout(retryTimer);
  const backoff = delay ?? Math.min(30_000, 500 * 2 ** attempt) * (0.5 + Math.random());
  attempt++;
  retryTimer = setTimeout(() => { retryTimer = undefined; void connect(); }, backoff);
}

function onVisibility(): void {
  if (isHidden()) {
    hiddenTimer = setTimeout(() => { void flush(); socket?.close(1000, 'hidden'); }, HIDDEN_CLOSE_MS);
  } else {
    if (hiddenTimer) clearTimeout(hiddenTimer);
    if (!socket) { attempt = 0; reconnectSoon(0); }
  }
}
