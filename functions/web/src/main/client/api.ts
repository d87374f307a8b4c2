import { freshToken } from './auth';
import { config } from './config';
import { t } from './i18n';
import type { Chat, ChatMember, Me, Message, MessagePage, Permission, Room, RoomMember, User } from './types';

/**
 * A refused or failed call, with the words to show the user and, where the server traces requests,
 * the trace that answered it (so that a user's report of the error leads to it).
 */
export class ApiError extends Error {
  constructor(readonly status: number, readonly humanMessage: string, readonly retryable: boolean, readonly traceId?: string) {
    super(humanMessage);
  }
}

/** What to show for a failed action: the given words or the error's own, and the error's trace as reference. */
export function errorText(e: unknown, words?: string): string {
  if (!(e instanceof ApiError)) return words ?? t().errors.unknown;
  const text = words ?? e.humanMessage;
  return e.traceId ? `${text} (${t().errors.reference}: ${e.traceId})` : text;
}

interface Problem { type?: string; title?: string; status?: number; detail?: string; traceId?: string }

const TRACE_ID = /^[0-9a-f]{32}$/;

/** problem+json in human words (types: functions/common's ProblemKind). */
export function humanProblem(status: number, problem: Problem | undefined): string {
  const e = t().errors;
  const slug = problem?.type?.split('/').pop() ?? '';
  const detail = (problem?.detail ?? '').toLowerCase();
  if (detail.includes('last manager')) return e.lastManager;
  if (detail.includes('closed')) return e.roomClosed;
  switch (slug || String(status)) {
    case 'unauthenticated': case '401': return e.unauthenticated;
    case 'forbidden': case '403': return e.forbidden;
    case 'not-found': case '404': return e.notFound;
    case 'conflict': case '409': return e.conflict;
    case 'invalid-request': case '400': return e.invalid;
    case 'payload-too-large': case '413': return e.tooLarge;
    case 'unsupported-media-type': case '415': return e.unsupported;
    case 'unprocessable': case '422': return e.unprocessable;
    case 'dependency-unavailable': case '503': return e.unavailable;
    default: return e.unknown;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One call with the bearer token. 503 is retried (Retry-After, at most three times) with the very
 * same request, so a write keeps its client id and the server answers the retry with the first result.
 */
export type Service = 'chat' | 'media' | 'positions' | 'layers';

function baseUrl(service: Service): string {
  const c = config();
  return service === 'chat' ? c.chatUrl : service === 'media' ? c.mediaUrl : service === 'positions' ? c.positionsUrl : c.layersUrl;
}

export async function call<T>(base: Service, path: string, init: RequestInit = {}, attempts = 3): Promise<T> {
  const url = baseUrl(base) + path;
  for (let attempt = 1; ; attempt++) {
    const token = await freshToken();
    if (!token) throw new ApiError(401, t().errors.unauthenticated, false);
    const headers = new Headers(init.headers);
    headers.set('Authorization', 'Bearer ' + token);
    if (init.body && typeof init.body === 'string') headers.set('Content-Type', 'application/json');
    let response: Response;
    try {
      response = await fetch(url, { ...init, headers });
    } catch {
      throw new ApiError(0, t().errors.offline, true);
    }
    if (response.ok) {
      return (response.status === 204 ? undefined : await response.json()) as T;
    }
    if (response.status === 503 && attempt < attempts) {
      const after = Number(response.headers.get('Retry-After') ?? '1');
      await sleep(Math.min(10, Number.isFinite(after) ? after : 1) * 1000 * (0.5 + Math.random()));
      continue;
    }
    let problem: Problem | undefined;
    try { problem = (await response.json()) as Problem; } catch { problem = undefined; }
    const traceId = typeof problem?.traceId === 'string' && TRACE_ID.test(problem.traceId) ? problem.traceId : undefined;
    throw new ApiError(response.status, humanProblem(response.status, problem), response.status === 503, traceId);
  }
}

const json = (body: unknown) => JSON.stringify(body);
export const newClientId = (): string => crypto.randomUUID();

export const api = {
  me: () => call<Me>('chat', '/v1/me'),
  users: (q: string) => call<User[]>('chat', '/v1/users?q=' + encodeURIComponent(q)),
  rooms: () => call<Room[]>('chat', '/v1/rooms'),
  room: (id: string) => call<Room>('chat', `/v1/rooms/${id}`),
  openRoom: (clientId: string, name: string, description: string) =>
    call<Room>('chat', '/v1/rooms', { method: 'POST', body: json({ clientId, name, description: description || undefined }) }),
  closeRoom: (id: string) => call<Room>('chat', `/v1/rooms/${id}/close`, { method: 'POST' }),
  roomMembers: (id: string) => call<RoomMember[]>('chat', `/v1/rooms/${id}/members`),
  setRoomMember: (id: string, userId: string, role: 'manager' | 'member') =>
    call<RoomMember>('chat', `/v1/rooms/${id}/members`, { method: 'POST', body: json({ userId, role }) }),
  removeRoomMember: (id: string, userId: string) => call<void>('chat', `/v1/rooms/${id}/members/${userId}`, { method: 'DELETE' }),
  chats: (roomId: string) => call<Chat[]>('chat', `/v1/rooms/${roomId}/chats`),
  chat: (id: string) => call<Chat>('chat', `/v1/chats/${id}`),
  createChat: (roomId: string, clientId: string, name: string, memberIds: string[]) =>
    call<Chat>('chat', `/v1/rooms/${roomId}/chats`, { method: 'POST', body: json({ clientId, name, memberIds }) }),
  chatMembers: (id: string) => call<ChatMember[]>('chat', `/v1/chats/${id}/members`),
  addChatMember: (id: string, userId: string) =>
    call<ChatMember>('chat', `/v1/chats/${id}/members`, { method: 'POST', body: json({ userId }) }),
  setPermissions: (id: string, userId: string, permissions: Permission[]) =>
    call<ChatMember>('chat', `/v1/chats/${id}/members/${userId}/permissions`, { method: 'PUT', body: json({ permissions }) }),
  removeChatMember: (id: string, userId: string) => call<void>('chat', `/v1/chats/${id}/members/${userId}`, { method: 'DELETE' }),
  messages: (id: string, before: number | undefined, limit: number) =>
    call<MessagePage>('chat', `/v1/chats/${id}/messages?limit=${limit}` + (before ? `&before=${before}` : '')),
  send: (chatId: string, body: Record<string, unknown>, attempts = 3) =>
    call<Message>('chat', `/v1/chats/${chatId}/messages`, { method: 'POST', body: json(body) }, attempts),
  edit: (chatId: string, id: string, body: string) =>
    call<Message>('chat', `/v1/chats/${chatId}/messages/${id}`, { method: 'PATCH', body: json({ body }) }),
  remove: (chatId: string, id: string) => call<void>('chat', `/v1/chats/${chatId}/messages/${id}`, { method: 'DELETE' }),
  readMarker: (chatId: string, seq: number) =>
    call<void>('chat', `/v1/chats/${chatId}/read-marker`, { method: 'PUT', body: json({ seq }) }),
  sendMedia: (chatId: string, clientId: string, file: File) =>
    call<unknown>('media', `/v1/chats/${chatId}/media-messages?clientId=${clientId}&fileName=${encodeURIComponent(file.name)}`,
      { method: 'POST', body: file, headers: { 'Content-Type': file.type || 'application/octet-stream' } }),
  attachmentLink: (id: string, variant: 'thumbnail' | 'served') =>
    call<{ url: string }>('media', `/v1/attachments/${id}/link?variant=${variant}`),
  sendFixes: (fixes: OwnFix[]) =>
    call<{ stored: number; sharingPaused: boolean }>('positions', '/v1/positions', { method: 'POST', body: json({ fixes }) }, 1),
  sharing: () => call<{ paused: boolean }>('positions', '/v1/positions/sharing'),
  setSharing: (paused: boolean) =>
    call<{ paused: boolean }>('positions', '/v1/positions/sharing', { method: 'PUT', body: json({ paused }) }),
};

/** A fix of this device's own position as POST /v1/positions takes it. */
export interface OwnFix { lat: number; lon: number; accuracy: number; heading?: number; speed?: number; altitude?: number; recordedAt: string }
