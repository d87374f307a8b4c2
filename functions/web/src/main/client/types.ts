import type { Alarm } from './ops/types';

/** The API's documents as the client uses them (functions/chat/README.md, STREAM-PROTOCOL.md). */
export type Permission = 'read' | 'write' | 'manage';

export interface Me { id: string; username: string; displayName: string; unit?: string; roles: string[] }
export interface User { id: string; username: string; displayName: string; unit?: string }
export interface Room {
  id: string; name: string; description?: string; createdBy?: string; createdAt?: string;
  closedAt?: string | null; lastSeq?: number; myRole?: 'manager' | 'member';
}
export interface RoomMember { userId: string; username?: string; displayName: string; unit?: string; role: 'manager' | 'member' }
export interface Chat { id: string; roomId: string; name: string; myPermissions: Permission[]; myReadUpToSeq: number }
export interface ChatMember {
  userId: string; username?: string; displayName: string; unit?: string; permissions: Permission[]; readUpToSeq: number;
}
export interface Message {
  id: string; chatId: string; roomId: string; seq: number; kind: 'text' | 'poi' | 'location' | 'photo' | 'file';
  author?: { id: string; displayName: string; unit?: string }; postedAs?: string | null; body?: string | null;
  poiId?: string | null; attachmentId?: string | null; location?: { lat: number; lon: number; accuracy?: number | null } | null;
  createdAt: string; editedAt?: string | null; deleted?: boolean | null;
  /** Absent when normal. */
  priority?: 'important' | 'urgent' | null;
  /** An order: its recipients acknowledge or decline it. */
  ackRequested?: boolean | null;
}
export interface MessagePage { messages: Message[]; hasMore: boolean }

/** A message written here and not yet acknowledged by the server. */
export interface OutboxItem {
  clientId: string; chatId: string; roomId: string; kind: 'text' | 'location'; body?: string;
  location?: { lat: number; lon: number; accuracy?: number }; createdAt: string; state: 'pending' | 'failed'; error?: string;
  priority?: 'important' | 'urgent'; ackRequested?: boolean;
}

export interface StreamEvent {
  type: 'event'; roomId: string; seq: number; chatId?: string; event: string; actorId?: string; at: string;
  payload: Record<string, unknown>;
}
export type ServerFrame =
  | { type: 'welcome'; epoch: string; rooms: Record<string, number> }
  | StreamEvent
  | { type: 'alarms'; alarms: Alarm[] }
  | { type: 'caught_up' }
  | { type: 'reload'; reason: 'epoch' | 'cursor_ahead'; roomId?: string }
  | { type: 'error'; code: string; message: string }
  | { type: 'watching' | 'unwatched'; chatId: string; reason?: string }
  | PositionsFrame;

/** A fix on the stream (the positions bus' form): user, WGS 84, accuracy m, heading °, speed m/s, time. */
export interface BusFix { u: string; lat: number; lon: number; acc?: number; hdg?: number; spd?: number; t: string }
/** `statuses`: the unit status in the chat's room of each force in the frame that has set one. */
export interface PositionsFrame {
  type: 'positions'; chatId: string; fixes?: BusFix[]; gone?: string[];
  statuses?: Record<string, { code: string; shortLabel: string; label: string; urgent: boolean }>;
}

/** Where the map should look when it opens (a location or POI message). */
export interface MapFocus { lat?: number; lon?: number; poiId?: string; label?: string; seq: number }
