import { render } from 'preact';
import { api } from './api';
import { accessToken, onAuthChange, rememberSignedIn, restoreSession, setUpAuth } from './auth';
import { loadConfig } from './config';
import { applyWrites, clearAll, database, loadSnapshot } from './db';
import { language } from './i18n';
import { startOps } from './ops/start';
import { flushOutbox } from './outbox';
import { enablePush } from './push';
import { readRoute, watchRoute } from './route';
import { restoreSharing } from './sharing';
import { update } from './state';
import { onConnected, startStream } from './stream';
import { recountUnread } from './sync';
import type { Me } from './types';
import { App } from './ui/App';

/** Start: configuration, the cached state (so the app works offline), sign-in, then the stream. */
async function start(): Promise<void> {
  update((s) => { s.language = language(); });
  render(<App />, document.getElementById('app')!);
  if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  const config = await loadConfig();
  setUpAuth(config);

  const snapshot = await loadSnapshot();
  const cachedMe = (await (await database()).get('meta', 'me')) as Me | undefined;
  update((s) => {
    snapshot.rooms.forEach((r) => { s.rooms[r.id] = r; });
    snapshot.chats.forEach((c) => { s.chats[c.id] = c; });
    s.roomMembers = snapshot.roomMembers;
    s.chatMembers = snapshot.chatMembers;
    s.outbox = snapshot.outbox;
    Object.assign(s, readRoute());
  });
  watchRoute();
  startOps();
  // An installed app shows what it knows at once; the sign-in and the stream follow.
  if (cachedMe) update((s) => { s.me = cachedMe; s.phase = 'ready'; });
  void recountUnread();

  const session = navigator.onLine ? await restoreSession() : 'signed-out';
  if (session === 'signed-out') {
    if (!navigator.onLine && cachedMe) {
      // Offline start: the cached history, read only until the connection and the sign-in are back.
      window.addEventListener('online', () => window.location.reload(), { once: true });
    } else {
      update((s) => { s.phase = 'signed-out'; s.me = undefined; });
    }
    return;
  }
  rememberSignedIn();
  const me = await api.me();
  if (snapshot.user && snapshot.user !== me.id) await clearAll();
  await applyWrites({ puts: [{ store: 'meta', key: 'user', value: me.id }, { store: 'meta', key: 'me', value: me }], deletes: [] });
  update((s) => { s.me = me; s.phase = 'ready'; });
  onAuthChange(() => { if (!accessToken()) update((s) => { s.phase = 'signed-out'; }); });
  onConnected(() => void flushOutbox());
  startStream();
  void restoreSharing();
  enablePush();
}

void start();
