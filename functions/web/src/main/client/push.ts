import { freshToken } from './auth';
import { config } from './config';
import { t } from './i18n';
import { notify, update } from './state';

// Pushes from functions/push reach this browser while the app is in the background. The user turns
// them on with the switch in the top bar: the browser asks for permission only then (a user gesture,
// which Safari requires, and never on the first load), subscribes with the push function's VAPID key
// and the app registers the subscription. Turning them off removes this browser's device at the push
// function and ends the subscription. While the browser allows notifications and the user did not
// turn them off, each sign-in registers the subscription again (idempotent), so a device the push
// function dropped (404/410) comes back.

const PREFERENCE = 'lagebild.push';

interface Device { id: string; kind: string; endpoint?: string }

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await freshToken();
  const response = await fetch(config().pushUrl + path, {
    ...init,
    headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
}

function bytesOf(base64Url: string): ArrayBuffer {
  const base64 = base64Url.replace(/-/g, '+').replace(/_/g, '/');
  const text = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}

function supported(): boolean {
  return !!config().pushUrl && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

async function subscribe(): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  if (!subscription) {
    const key = (await (await call('/v1/push/vapid-public-key')).json()) as { publicKey: string };
    subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytesOf(key.publicKey) });
  }
  // Only what the push function reads: it refuses unknown fields, such as toJSON()'s expirationTime.
  const { endpoint, keys } = subscription.toJSON();
  await call('/v1/push/devices/web-push', { method: 'POST', body: JSON.stringify({ endpoint, keys: { p256dh: keys?.p256dh, auth: keys?.auth } }) });
}

async function unsubscribe(): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  const subscription = await registration.pushManager.getSubscription();
  if (!subscription) return;
  const devices = (await (await call('/v1/push/devices')).json()) as Device[];
  for (const device of devices.filter((d) => d.endpoint === subscription.endpoint)) {
    await call(`/v1/push/devices/${device.id}`, { method: 'DELETE' });
  }
  await subscription.unsubscribe();
}

/** After sign-in: shows the switch where the browser can take pushes, and registers again if they are on. */
export function enablePush(): void {
  if (!supported()) return;
  const on = Notification.permission === 'granted' && localStorage.getItem(PREFERENCE) !== 'off';
  update((s) => { s.push = { supported: true, on, busy: false }; });
  if (on) void subscribe().catch(() => undefined);
}

/** The switch: on asks for permission (the user's gesture) and subscribes; off removes the device. */
export async function setPush(on: boolean): Promise<void> {
  update((s) => { s.push = { ...s.push, busy: true }; });
  try {
    if (on) {
      if (await Notification.requestPermission() !== 'granted') {
        notify(t().push.denied);
        update((s) => { s.push = { ...s.push, on: false, busy: false }; });
        return;
      }
      await subscribe();
    } else {
      await unsubscribe();
    }
    localStorage.setItem(PREFERENCE, on ? 'on' : 'off');
    update((s) => { s.push = { ...s.push, on, busy: false }; });
  } catch {
    notify(t().push.failed);
    update((s) => { s.push = { ...s.push, busy: false }; });
  }
}
