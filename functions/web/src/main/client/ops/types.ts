/** Emergency alarms and unit status as the chat function's API and stream have them (functions/chat/README.md). */
export type AlarmKind = 'emergency' | 'in_contact' | 'custom';
export type AlarmState = 'raised' | 'acknowledged' | 'resolved' | 'cancelled';

export interface AlarmPerson { id: string; displayName: string; unit?: string | null }
export interface AlarmPosition { lon: number; lat: number; accuracy?: number | null }
export interface Alarm {
  id: string; roomIds: string[]; kind: AlarmKind; text?: string | null; position?: AlarmPosition | null;
  raisedBy: AlarmPerson; raisedAt: string; state: AlarmState;
  acknowledgements: { responder: AlarmPerson; at: string }[];
  endedAt?: string | null; endedBy?: string | null; renotifications: number;
}

/** An alarm raised here and not yet answered by the server; retried with the same client id. */
export interface PendingAlarm {
  clientId: string; kind: AlarmKind; text?: string; position?: AlarmPosition; roomIds?: string[];
  createdAt: string; state: 'pending' | 'failed'; error?: string;
}

export interface UnitStatus { code: string; shortLabel: string; label: string; urgent: boolean }
export interface StatusBoardEntry {
  userId: string; displayName: string; unit?: string | null; status?: UnitStatus | null; setAt?: string | null; seq?: number | null;
  /** Asked for their status (seen live on the stream) and not answered yet. */
  requestedAt?: string;
}
export interface StatusBoard { roomId: string; members: StatusBoardEntry[] }
export interface StatusChange { id: string; roomId: string; userId: string; status: UnitStatus; setAt: string; seq: number; answers: string[] }

/** A status request that asks this user and that they have not answered yet. */
export interface OpenStatusRequest { requestId: string; roomId: string; requestedBy: string; requestedAt: string }
