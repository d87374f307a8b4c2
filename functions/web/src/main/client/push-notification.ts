// What the service worker shows for a push (functions/push/README.md: the payload) and where a click leads.

/** A push's payload as the push function sends it (encrypted; content-free by default). */
export interface PushPayload {
  kind: 'alarm' | 'message' | 'unit_status' | string;
  priority: 'urgent' | 'normal';
  title: string;
  body: string;
  eventId: string;
  roomId: string;
  chatId?: string;
  alarmId?: string;
}

export function parsePayload(text: string | undefined): PushPayload | undefined {
  if (!text) return undefined;
  try {
    const payload = JSON.parse(text) as PushPayload;
    return typeof payload.title === 'string' && typeof payload.roomId === 'string' ? payload : undefined;
  } catch {
    return undefined;
  }
}

/** The app's route for a push: the chat of a message, else the room (where its alarms and statuses show). */
export function targetOf(payload: PushPayload): string {
  return payload.chatId ? `/#/r/${payload.roomId}/c/${payload.chatId}` : `/#/r/${payload.roomId}`;
}

/**
 * One notification per chat or alarm (tag): a newer one replaces the older. Urgent ones stay until
 * they are acted upon and alert again when replaced.
 */
export function notificationOf(payload: PushPayload): { title: string; options: NotificationOptions & { renotify?: boolean } } {
  const urgent = payload.priority === 'urgent';
  return {
    title: payload.title,
    options: {
      body: payload.body,
      tag: payload.alarmId ?? payload.chatId ?? payload.eventId,
      icon: '/icons/icon-192.png',
      requireInteraction: urgent,
      renotify: urgent,
      data: { url: targetOf(payload), priority: payload.priority },
    },
  };
}
