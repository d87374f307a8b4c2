import { useEffect } from 'preact/hooks';
import { t } from '../i18n';
import { clock } from '../ops/format';
import { ops } from '../ops/state';
import type { UnitStatus } from '../ops/types';
import { loadBoard, myStatus, requestStatus, setStatus } from '../ops/unitStatus';
import { notify, update } from '../state';
import { Dialog } from './Dialog';
import { attempt, useAppState } from './hooks';

export function openStatusPicker(roomId: string): void {
  update(() => { ops.pickerRoomId = roomId; });
}

function StatusCode(props: { status?: UnitStatus | null }) {
  const st = props.status;
  return <span class={`status-code${st?.urgent ? ' urgent' : ''}${st ? '' : ' none'}`} aria-hidden="true">{st?.code ?? '–'}</span>;
}

/** My status in the room, and the way to change it (in the room's chat list). */
export function MyStatusLine(props: { roomId: string }) {
  useAppState();
  const text = t().status;
  useEffect(() => { void loadBoard(props.roomId); }, [props.roomId]);
  const mine = myStatus(props.roomId);
  return (
    <div class="my-status">
      <StatusCode status={mine?.status} />
      <span class="my-status-text">
        <span class="item-sub">{text.mine}{mine?.setAt ? ` · ${text.since(clock(mine.setAt))}` : ''}</span>
        <span class="item-title">{mine?.status ? mine.status.shortLabel : text.none}</span>
      </span>
      <button type="button" class="primary small" onClick={() => openStatusPicker(props.roomId)}>{text.report}</button>
    </div>
  );
}

/** The catalogue as buttons; choosing one sets it (and answers any status request of the room). */
export function StatusPicker() {
  const s = useAppState();
  const text = t().status;
  const roomId = ops.pickerRoomId;
  if (!roomId) return null;
  const close = () => update(() => { ops.pickerRoomId = undefined; });
  const current = myStatus(roomId)?.status?.code;
  return (
    <Dialog title={text.pickTitle(s.rooms[roomId]?.name ?? '')} onClose={close}>
      <div class="status-grid">
        {ops.catalogue.map((st) => (
          <button type="button" key={st.code} class={`status-option${st.urgent ? ' urgent' : ''}`} aria-pressed={current === st.code} title={st.label}
            onClick={() => void attempt(async () => { await setStatus(roomId, st.code); close(); })}>
            <span class="status-option-code">{st.code}</span>{' '}
            <span class="status-option-label">{st.shortLabel}{st.urgent ? <span class="status-urgent"> · {text.urgent}</span> : null}</span>
          </button>
        ))}
      </div>
    </Dialog>
  );
}

/** The room's status board (details pane): every member's status and since when; managers ask for statuses. */
export function StatusBoardPane(props: { roomId: string }) {
  const s = useAppState();
  const text = t().status;
  const room = s.rooms[props.roomId];
  useEffect(() => { void loadBoard(props.roomId); }, [props.roomId]);
  const members = ops.boards[props.roomId] ?? [];
  const manager = room?.myRole === 'manager' && !room.closedAt;
  const ask = (userId?: string) => void attempt(async () => { await requestStatus(props.roomId, userId); notify(text.requestSent); });
  return (
    <div class="details-body">
      {manager && <div class="board-actions"><button type="button" class="primary small" onClick={() => ask()}>{text.requestAll}</button></div>}
      <ul class="members status-board">
        {members.map((m) => (
          <li key={m.userId} class={`member status-row${m.status?.urgent ? ' urgent' : ''}`} data-user-id={m.userId}>
            <StatusCode status={m.status} />
            <span class="status-member">
              <span class="member-name">{m.displayName}{m.userId === s.me?.id ? ` (${t().you})` : ''}{m.unit ? <span class="unit"> · {m.unit}</span> : null}</span>
              <span class="status-label">
                {m.status ? <>{m.status.code} · {m.status.label}</> : text.none}
                {m.setAt && <time dateTime={m.setAt}> · {text.since(clock(m.setAt))}</time>}
                {m.status?.urgent && <strong class="status-urgent"> · {text.urgent}</strong>}
              </span>
            </span>
            {m.requestedAt && <span class="chip requested">{text.requested} {clock(m.requestedAt)}</span>}
            {manager && m.userId !== s.me?.id && (
              <button type="button" class="link-button" aria-label={text.requestOf(m.displayName)} onClick={() => ask(m.userId)}>{text.request}</button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Status requests that ask this user, one line per room, until their next status answers them. */
export function StatusRequestPrompt() {
  const s = useAppState();
  const text = t().status;
  const rooms = [...new Set(ops.openRequests.map((r) => r.roomId))].filter((r) => s.rooms[r] && !s.rooms[r].closedAt);
  // The board names who asked, and the picker marks the current status.
  useEffect(() => { rooms.filter((r) => !ops.boards[r]).forEach((r) => void loadBoard(r)); }, [rooms.join()]);
  if (rooms.length === 0) return null;
  return (
    <>
      {rooms.map((roomId) => {
        const request = ops.openRequests.filter((r) => r.roomId === roomId).pop()!;
        const who = ops.boards[roomId]?.find((m) => m.userId === request.requestedBy)?.displayName
          ?? s.roomMembers[roomId]?.find((m) => m.userId === request.requestedBy)?.displayName ?? text.someone;
        return (
          <div key={roomId} class="status-request" role="alert" data-room-id={roomId}>
            <span>{text.prompt(who, s.rooms[roomId].name)}</span>
            <button type="button" class="primary small" onClick={() => openStatusPicker(roomId)}>{text.report}</button>
          </div>
        );
      })}
    </>
  );
}
