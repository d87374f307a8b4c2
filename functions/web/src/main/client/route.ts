import { state, update } from './state';
import type { MapFocus } from './types';

/** The place in the app in the URL's fragment (#/r/ROOM/c/CHAT[/map]), so a reload stays where it was. */
export function readRoute(): { roomId?: string; chatId?: string; map: boolean } {
  const parts = window.location.hash.replace(/^#\/?/, '').split('/');
  const roomId = parts[0] === 'r' ? parts[1] : undefined;
  const chatId = parts[2] === 'c' ? parts[3] : undefined;
  return { roomId, chatId, map: !!chatId && parts[4] === 'map' };
}

export function routeOf(roomId?: string, chatId?: string, map = false): string {
  if (!roomId) return '#/';
  return chatId ? `#/r/${roomId}/c/${chatId}${map ? '/map' : ''}` : `#/r/${roomId}`;
}

export function go(roomId?: string, chatId?: string, map = false): void {
  const hash = routeOf(roomId, chatId, map);
  if (window.location.hash !== hash) window.location.hash = hash;
  update((s) => { s.roomId = roomId; s.chatId = chatId; s.map = map; s.details = false; if (!map) s.mapFocus = undefined; });
}

let focusSeq = 0;

/** Opens the chat's map looking at a place (a location or POI message). */
export function showOnMap(roomId: string, chatId: string, focus: Omit<MapFocus, 'seq'>): void {
  go(roomId, chatId, true);
  update((s) => { s.mapFocus = { ...focus, seq: ++focusSeq }; });
}

export function watchRoute(): void {
  // A click on a notification (sw.ts): the service worker names the place to show.
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
      const message = event.data as { type?: string; url?: string } | null;
      if (message?.type !== 'open' || typeof message.url !== 'string') return;
      const target = new URL(message.url, window.location.origin);
      if (target.origin === window.location.origin) window.location.hash = target.hash;
    });
    // Messages that came while the app was starting are held until this point.
    navigator.serviceWorker.startMessages();
  }
  window.addEventListener('hashchange', () => {
    const route = readRoute();
    if (route.roomId !== state.roomId || route.chatId !== state.chatId || route.map !== state.map) {
      update((s) => { s.roomId = route.roomId; s.chatId = route.chatId; s.map = route.map; });
    }
  });
}
