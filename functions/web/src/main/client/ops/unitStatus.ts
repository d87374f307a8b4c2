import { newClientId } from '../api';
import { applyWrites, database } from '../db';
import { state, update } from '../state';
import type { StreamEvent } from '../types';
import { opsApi } from './api';
import { ops } from './state';
import type { OpenStatusRequest, StatusBoardEntry, UnitStatus } from './types';
import { isBeingRead, readView } from './viewReads';

/**
 * Unit status: the catalogue, the boards of the rooms looked at (kept current from the stream, the
 * newest seq winning), and the status requests that ask this user until their next status answers
 * them. The catalogue and the open requests are kept in IndexedDB, as the stream's replay only
 * brings what is new.
 */
const CATALOGUE_KEY = 'statusCatalogue';
const REQUESTS_KEY = 'statusRequests';

export async function restoreUnitStatus(): Promise<void> {
  const d = await database();
  const catalogue = (await d.get('meta', CATALOGUE_KEY)) as UnitStatus[] | undefined;
  const requests = (await d.get('meta', REQUESTS_KEY)) as OpenStatusRequest[] | undefined;
  update(() => {
    if (catalogue?.length && !ops.catalogue.length) ops.catalogue = catalogue;
    if (requests?.length) ops.openRequests = mergeRequests(requests, ops.openRequests);
  });
}

function mergeRequests(a: OpenStatusRequest[], b: OpenStatusRequest[]): OpenStatusRequest[] {
  const byId = new Map([...a, ...b].map((r) => [r.requestId, r]));
  return [...byId.values()].sort((x, y) => x.requestedAt.localeCompare(y.requestedAt));
}

export async function loadCatalogue(): Promise<void> {
  try {
    const { statuses } = await opsApi.statusCatalogue();
    update(() => { ops.catalogue = statuses; });
    await applyWrites({ puts: [{ store: 'meta', key: CATALOGUE_KEY, value: statuses }], deletes: [] });
  } catch { /* the cached catalogue, until the next connect */ }
}

const boardKey = (roomId: string) => `board:${roomId}`;

export function loadBoard(roomId: string): Promise<void> {
  return readView(boardKey(roomId), async () => {
    try {
      const board = await opsApi.statusBoard(roomId);
      update(() => {
        const old = new Map((ops.boards[roomId] ?? []).map((m) => [m.userId, m]));
        ops.boards = {
          ...ops.boards,
          [roomId]: board.members.map((m) => {
            const before = old.get(m.userId);
            if (before && (before.seq ?? 0) > (m.seq ?? 0)) return before;
            return { ...m, requestedAt: before && (before.seq ?? 0) === (m.seq ?? 0) ? before.requestedAt : undefined };
          }),
        };
      });
    } catch { /* offline: the board as last seen */ }
  });
}

function saveRequests(): void {
  void applyWrites({ puts: [{ store: 'meta', key: REQUESTS_KEY, value: ops.openRequests }], deletes: [] });
}

function patchBoard(roomId: string, change: (entry: StatusBoardEntry) => StatusBoardEntry): void {
  const board = ops.boards[roomId];
  if (board) ops.boards = { ...ops.boards, [roomId]: board.map(change) };
}

function applyChange(roomId: string, userId: string, status: UnitStatus, setAt: string, seq: number): void {
  const board = ops.boards[roomId];
  if (board && !board.some((m) => m.userId === userId)) void loadBoard(roomId);
  patchBoard(roomId, (m) => (m.userId === userId && (m.seq ?? 0) < seq ? { ...m, status, setAt, seq, requestedAt: undefined } : m));
  if (userId === state.me?.id && ops.openRequests.some((r) => r.roomId === roomId)) {
    // Each status change answers every request to this user that came before it in the room's log.
    ops.openRequests = ops.openRequests.filter((r) => r.roomId !== roomId);
    saveRequests();
  }
}

/** One `unit.*` event (called inside update()). */
export function applyUnitStatusEvent(e: StreamEvent): void {
  const p = e.payload as Record<string, unknown>;
  if (!ops.boards[e.roomId] && isBeingRead(boardKey(e.roomId))) void loadBoard(e.roomId);
  if (e.event === 'unit.status_changed') {
    applyChange(e.roomId, p.userId as string, p.status as UnitStatus, p.setAt as string, e.seq);
  } else if (e.event === 'unit.status_requested') {
    const asked = p.userId as string | undefined;
    const requestedBy = p.requestedBy as string;
    const requestedAt = p.requestedAt as string;
    patchBoard(e.roomId, (m) => ((asked ? m.userId === asked : m.userId !== requestedBy) ? { ...m, requestedAt } : m));
    const me = state.me?.id;
    if ((asked === me || (!asked && requestedBy !== me)) && !ops.openRequests.some((r) => r.requestId === p.requestId)) {
      ops.openRequests = [...ops.openRequests, { requestId: p.requestId as string, roomId: e.roomId, requestedBy, requestedAt }];
      saveRequests();
    }
  }
}

/** This user is no longer in the room, or it was closed: nothing there to answer any more. */
export function forgetRoomStatus(roomId: string, left: boolean): void {
  if (ops.openRequests.some((r) => r.roomId === roomId)) {
    ops.openRequests = ops.openRequests.filter((r) => r.roomId !== roomId);
    saveRequests();
  }
  if (left && ops.boards[roomId]) {
    const next = { ...ops.boards };
    delete next[roomId];
    ops.boards = next;
  }
}

/** The room's members changed: a board on screen is read again. */
export function membersChanged(roomId: string): void {
  if (ops.boards[roomId]) void loadBoard(roomId);
}

/** Sets this user's status in a room (exactly once by its client id; a 503 is retried with the same id). */
export async function setStatus(roomId: string, code: string): Promise<void> {
  const change = await opsApi.setStatus(roomId, newClientId(), code);
  update(() => applyChange(roomId, change.userId, change.status, change.setAt, change.seq));
}

/** Asks one member, or without userId every member, of a room for their status. */
export async function requestStatus(roomId: string, userId?: string): Promise<void> {
  await opsApi.requestStatus(roomId, newClientId(), userId);
}

export function myStatus(roomId: string): StatusBoardEntry | undefined {
  return ops.boards[roomId]?.find((m) => m.userId === state.me?.id);
}
