import { ApiError, api, errorText, type OwnFix } from './api';
import { config } from './config';
import { t } from './i18n';
import { state, update } from './state';

/**
 * Sharing this device's position from the browser's geolocation. The switch is the positions
 * function's sharing pause: on resumes it and starts watching the position, off pauses it (which
 * removes this user from every map at once) and stops watching. A fix is taken at most once per
 * interval and only after moving the configured distance (or after standing still for a longer
 * interval); taken fixes wait in a queue and go out together, so fixes taken while the network is
 * away arrive as one batch when it is back. The browser delivers positions only while the page is
 * visible on iOS (see the README).
 */
const PREFERENCE = 'lagebild.sharing';
const MAX_QUEUED = 500;
const RETRY_MS = 5_000;

let watchId: number | undefined;
let lastTaken: OwnFix | undefined;
let queue: OwnFix[] = [];
let sending = false;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let stillTimer: ReturnType<typeof setInterval> | undefined;
/** When positions were last asked for: with maximumAge 0 no answer can be older (an emulated one says otherwise). */
let askedAt = 0;
let laterTimer: ReturnType<typeof setTimeout> | undefined;

function takeLater(position: GeolocationPosition): void {
  if (laterTimer) clearTimeout(laterTimer);
  const waited = Date.now() - Date.parse(lastTaken!.recordedAt);
  laterTimer = setTimeout(() => {
    laterTimer = undefined;
    askedAt = Date.now();
    if (state.sharing.on) onPosition(position);
  }, Math.max(0, config().map.shareIntervalSeconds * 1000 - waited));
}

/** Counters the browser tests read. */
export const sharingStats = { taken: 0, sent: 0, batches: 0 };
(window as unknown as { lagebildSharing: typeof sharingStats }).lagebildSharing = sharingStats;

/** After sign-in: continue sharing if it was on when the app was last used and the server is not paused. */
export async function restoreSharing(): Promise<void> {
  if (localStorage.getItem(PREFERENCE) !== 'on') return;
  try {
    const server = await api.sharing();
    if (!server.paused) begin();
    else localStorage.setItem(PREFERENCE, 'off');
  } catch { /* offline: the switch stays off until the user turns it on */ }
}

export async function setSharing(on: boolean): Promise<void> {
  if (on && !navigator.geolocation) { problem(t().locationUnavailable); return; }
  update((s) => { s.sharing = { ...s.sharing, starting: true, problem: undefined }; });
  try {
    await api.setSharing(!on);
  } catch (e) {
    update((s) => { s.sharing = { ...s.sharing, starting: false }; });
    problem(errorText(e));
    return;
  }
  localStorage.setItem(PREFERENCE, on ? 'on' : 'off');
  if (on) begin(); else end();
}

function begin(): void {
  lastTaken = undefined;
  if (watchId === undefined) {
    askedAt = Date.now();
    watchId = navigator.geolocation.watchPosition(onPosition, onError, { enableHighAccuracy: true, maximumAge: 0 });
  }
  // A browser reports a position only when it changes: standing still, ask for one now and then.
  stillTimer ??= setInterval(() => {
    askedAt = Date.now();
    navigator.geolocation.getCurrentPosition(onPosition, () => undefined, { enableHighAccuracy: true, maximumAge: 0, timeout: 30_000 });
  }, config().map.shareStillIntervalSeconds * 1000);
  update((s) => { s.sharing = { on: true, starting: false }; });
}

function end(): void {
  if (watchId !== undefined) navigator.geolocation.clearWatch(watchId);
  watchId = undefined;
  if (stillTimer) clearInterval(stillTimer);
  stillTimer = undefined;
  if (laterTimer) clearTimeout(laterTimer);
  laterTimer = undefined;
  queue = [];
  lastTaken = undefined;
  update((s) => { s.sharing = { on: false, starting: false }; });
}

function problem(message: string): void {
  update((s) => { s.sharing = { ...s.sharing, problem: message }; s.notice = message; });
}

function onError(error: GeolocationPositionError): void {
  if (error.code === error.PERMISSION_DENIED) {
    void setSharing(false);
    problem(t().map.locationDenied);
  }
}

/** Metres between two WGS 84 points (haversine; plenty for tens of metres). */
export function metresBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a new fix is due: the interval has passed and either the distance was covered or the still interval passed. */
export function isDue(last: OwnFix | undefined, next: OwnFix, intervalS: number, distanceM: number, stillS: number): boolean {
  if (!last) return true;
  const elapsed = (Date.parse(next.recordedAt) - Date.parse(last.recordedAt)) / 1000;
  if (elapsed < intervalS) return false;
  return metresBetween(last, next) >= distanceM || elapsed >= Math.max(stillS, intervalS);
}

function onPosition(position: GeolocationPosition): void {
  const c = position.coords;
  if (!Number.isFinite(c.latitude) || !Number.isFinite(c.longitude) || !(c.accuracy >= 0 && c.accuracy <= 100_000)) return;
  const fix: OwnFix = { lat: c.latitude, lon: c.longitude, accuracy: c.accuracy, recordedAt: new Date(Math.max(position.timestamp || 0, askedAt)).toISOString() };
  if (c.heading !== null && Number.isFinite(c.heading) && c.heading >= 0 && c.heading < 360) fix.heading = c.heading;
  if (c.speed !== null && Number.isFinite(c.speed) && c.speed >= 0 && c.speed <= 300) fix.speed = c.speed;
  if (c.altitude !== null && Number.isFinite(c.altitude) && c.altitude >= -1000 && c.altitude <= 20_000) fix.altitude = c.altitude;
  const m = config().map;
  if (!isDue(lastTaken, fix, m.shareIntervalSeconds, m.shareDistanceMetres, m.shareStillIntervalSeconds)) {
    // Too soon after the last fix: this position is taken when the interval is over, unless a newer one comes.
    if (lastTaken && metresBetween(lastTaken, fix) >= m.shareDistanceMetres) takeLater(position);
    return;
  }
  if (laterTimer) clearTimeout(laterTimer);
  laterTimer = undefined;
  lastTaken = fix;
  sharingStats.taken++;
  queue.push(fix);
  if (queue.length > MAX_QUEUED) queue = queue.slice(-MAX_QUEUED);
  void send();
}

async function send(): Promise<void> {
  if (sending || queue.length === 0 || !state.sharing.on) return;
  sending = true;
  const batch = queue.slice(0, MAX_QUEUED);
  try {
    const answer = await api.sendFixes(batch);
    queue = queue.slice(batch.length);
    sharingStats.sent += batch.length;
    sharingStats.batches++;
    if (answer.sharingPaused) {
      // Paused on another device or tab: this one follows the server.
      localStorage.setItem(PREFERENCE, 'off');
      end();
    } else {
      update((s) => { s.sharing = { ...s.sharing, lastSentAt: new Date().toISOString(), problem: undefined }; });
    }
  } catch (e) {
    // A refusal of the whole batch (400) would be refused again: drop it; anything else is tried again.
    if (e instanceof ApiError && e.status === 400) queue = queue.slice(batch.length);
    else scheduleRetry();
  } finally {
    sending = false;
  }
  if (queue.length && !retryTimer) void send();
}

function scheduleRetry(): void {
  if (retryTimer) return;
  retryTimer = setTimeout(() => { retryTimer = undefined; void send(); }, RETRY_MS);
}

window.addEventListener('online', () => void send());
