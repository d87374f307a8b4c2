import { state, update } from './state';

/** The place in the app in the URL's fragment (#/r/ROOM/c/CHAT), so a reload stays where it was. */
export function readRoute(): { roomId?: string; chatId?: string } {
  const parts = window.location.hash.replace(/^#\/?/, '').split('/');
  const roomId = parts[0] === 'r' ? parts[1] : undefined;
  const chatId = parts[2] === 'c' ? parts[3] : undefined;
  return { roomId, chatId };
}

export function routeOf(roomId?: string, chatId?: string): string {
  if (!roomId) return '#/';
  return chatId ? `#/r/${roomId}/c/${chatId}` : `#/r/${roomId}`;
}

export function go(roomId?: string, chatId?: string): void {
  const hash = routeOf(roomId, chatId);
  if (window.location.hash !== hash) window.location.hash = hash;
  update((s) => { s.roomId = roomId; s.chatId = chatId; s.details = false; });
}

export function watchRoute(): void {
  window.addEventListener('hashchange', () => {
    const route = readRoute();
    if (route.roomId !== state.roomId || route.chatId !== state.chatId) update((s) => { s.roomId = route.roomId; s.chatId = route.chatId; });
  });
}
