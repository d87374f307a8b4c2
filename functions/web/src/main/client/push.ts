import { freshToken } from './auth';
import { config } from './config';

// Subscribes this browser to pushes (functions/push) so that alarms and messages reach it while the
// app is in the background. Permission is asked at the user's first action after sign-in, never on
// the first load; once granted, each sign-in registers the subscription again (idempotent).

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await freshToken();
  return fetch(config().pushUrl + path, {
    ...init,
    headers: { ...(init.headers ?? {}), Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  });
}

function bytesOf(base64Url: string): ArrayBuffer {
  const base64 = base64Url.replace(/-/g, '+').replace(/_/g, '/');
  const text = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes.buffer;
}

async function subscribe(): Promise<void> {
  const registration = await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  if (!subscription) {
    const key = (await (await call('/v1/push/vapid-public-key')).json()) as { publicKey: string };
    subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: bytesOf(key.publicKey) });
  }
  await call('/v1/push/devices/web-push', { method: 'POST', body: JSON.stringify(subscription.toJSON()) });
}

/** After sign-in: subscribe now if allowed, else ask at the user's next action. Failures only cost the push. */
export function enablePush(): void {
  if (!config().pushUrl || !('serviceWorker' in navigator) || !('PushManager' in window) || !('Notification' in window)) return;
  if (Notification.permission === 'granted') {
    void subscribe().catch(() => undefined);
  } else if (Notification.permission === 'default') {
    window.addEventListener('pointerdown', () => {
      void Notification.requestPermission()
        .then((permission) => (permission === 'granted' ? subscribe() : undefined))
        .catch(() => undefined);
    }, { once: true });
  }
}
