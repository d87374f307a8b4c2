import { useState } from 'preact/hooks';
import { api } from '../api';
import { t } from '../i18n';
import { ops } from '../ops/state';
import { go } from '../route';
import { can, permissionChanges, state, update } from '../state';
import { refreshChatMembers, refreshRoomMembers, storeChatMembers, storeRoom } from '../sync';
import type { Chat, ChatMember, Permission, User } from '../types';
import { attempt, useAppState } from './hooks';
import { StatusBoardPane } from './UnitStatus';

const PERMISSIONS: Permission[] = ['read', 'write', 'manage'];

/** The chat's members and permissions, or the room's members and roles; only allowed actions are offered. */
export function Details() {
  const s = useAppState();
  const text = t();
  if (!s.details || !s.roomId) return <aside class="details" aria-label={text.details} hidden={!s.roomId} />;
  const chat = s.chatId ? s.chats[s.chatId] : undefined;
  return (
    <aside class="details" aria-label={text.details}>
      <div class="pane-head">
        <button type="button" class="icon-button back" aria-label={text.back} onClick={() => update((st) => { st.details = false; })}>←</button>
        <h2>{chat ? text.chatMembers : ops.roomPane === 'status' ? text.status.board : text.roomMembers}</h2>
      </div>
      {chat ? <ChatDetails chat={chat} /> : ops.roomPane === 'status' ? <StatusBoardPane roomId={s.roomId} /> : <RoomDetails roomId={s.roomId} />}
    </aside>
  );
}

function permissionLabel(p: Permission): string {
  const text = t();
  return p === 'read' ? text.permRead : p === 'write' ? text.permWrite : text.permManage;
}

function ChatDetails(props: { chat: Chat }) {
  const s = useAppState();
  const text = t();
  const chat = props.chat;
  const members = s.chatMembers[chat.id] ?? [];
  const manage = can(chat, 'manage');
  const memberIds = new Set(members.map((m) => m.userId));
  const candidates = (s.roomMembers[chat.roomId] ?? []).filter((m) => !memberIds.has(m.userId));
  const [adding, setAdding] = useState('');
  // Built on the newest state and shown at once; the requests go one after the other in click order,
  // and the members are read back once the last one is answered (an earlier answer would undo a later click).
  const toggle = (member: ChatMember, p: Permission, on: boolean) => {
    const current = state.chatMembers[chat.id]?.find((m) => m.userId === member.userId)?.permissions ?? member.permissions;
    const next = PERMISSIONS.filter((x) => (x === p ? on : current.includes(x)));
    update((st) => storeChatMembers(st, chat.id, (st.chatMembers[chat.id] ?? []).map((m) => (m.userId === member.userId ? { ...m, permissions: next } : m))));
    permissionChanges.pending++;
    permissionChanges.chain = permissionChanges.chain
      .then(() => attempt(() => api.setPermissions(chat.id, member.userId, next)))
      .then(async () => { if (--permissionChanges.pending === 0) await refreshChatMembers(chat.id).catch(() => undefined); });
  };
  return (
    <div class="details-body">
      <ul class="members">
        {members.map((m) => (
          <li key={m.userId} class="member">
            <span class="member-name">{m.displayName}{m.userId === s.me?.id ? ` (${text.you})` : ''}{m.unit ? <span class="unit"> · {m.unit}</span> : null}</span>
            <fieldset class="permissions">
              <legend class="visually-hidden">{text.permissionsOf(m.displayName)}</legend>
              {PERMISSIONS.map((p) => (
                manage ? (
                  <label key={p} class="check">
                    <input type="checkbox" checked={m.permissions.includes(p)} onChange={(e) => toggle(m, p, (e.target as HTMLInputElement).checked)} />
                    {permissionLabel(p)}
                  </label>
                ) : m.permissions.includes(p) ? <span key={p} class="chip">{permissionLabel(p)}</span> : null
              ))}
            </fieldset>
            {manage && m.userId !== s.me?.id && (
              <button type="button" class="link-button danger" onClick={() => void attempt(async () => { await api.removeChatMember(chat.id, m.userId); await refreshChatMembers(chat.id); })}>
                {text.remove}
              </button>
            )}
          </li>
        ))}
      </ul>
      {manage && candidates.length > 0 && (
        <form class="inline-form" onSubmit={(e) => {
          e.preventDefault();
          if (adding) void attempt(async () => { await api.addChatMember(chat.id, adding); setAdding(''); await refreshChatMembers(chat.id); });
        }}>
          <label>{text.addMember}
            <select value={adding} onChange={(e) => setAdding((e.target as HTMLSelectElement).value)}>
              <option value="">–</option>
              {candidates.map((m) => <option key={m.userId} value={m.userId}>{m.displayName}</option>)}
            </select>
          </label>
          <button type="submit" class="primary small" disabled={!adding}>{text.add}</button>
        </form>
      )}
      <button type="button" class="danger-button" onClick={() => void attempt(async () => {
        await api.removeChatMember(chat.id, s.me!.id);
        go(chat.roomId);
      })}>{text.leaveChat}</button>
      {manage && candidates.length === 0 && <p class="hint" hidden={!s.roomMembers[chat.roomId]}></p>}
      {manage && !s.roomMembers[chat.roomId] && <button type="button" class="link-button" onClick={() => void refreshRoomMembers(chat.roomId)}>{text.addMember}</button>}
    </div>
  );
}

function RoomDetails(props: { roomId: string }) {
  const s = useAppState();
  const text = t();
  const room = s.rooms[props.roomId];
  const members = s.roomMembers[props.roomId] ?? [];
  const manager = room?.myRole === 'manager' && !room.closedAt;
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<User[]>([]);
  const search = async (q: string) => {
    setQuery(q);
    if (q.trim().length < 2) { setFound([]); return; }
    await attempt(async () => setFound(await api.users(q.trim())));
  };
  const setRole = (userId: string, role: 'manager' | 'member') => attempt(async () => {
    await api.setRoomMember(props.roomId, userId, role);
    await refreshRoomMembers(props.roomId);
  });
  if (!room) return null;
  return (
    <div class="details-body">
      {room.description && <p>{room.description}</p>}
      <ul class="members">
        {members.map((m) => (
          <li key={m.userId} class="member">
            <span class="member-name">{m.displayName}{m.userId === s.me?.id ? ` (${text.you})` : ''}{m.unit ? <span class="unit"> · {m.unit}</span> : null}</span>
            <span class="chip">{m.role === 'manager' ? text.roleManager : text.roleMember}</span>
            {manager && m.userId !== s.me?.id && (
              <span class="member-actions">
                <button type="button" class="link-button" onClick={() => void setRole(m.userId, m.role === 'manager' ? 'member' : 'manager')}>
                  {m.role === 'manager' ? text.makeMember : text.makeManager}
                </button>
                <button type="button" class="link-button danger" onClick={() => void attempt(async () => { await api.removeRoomMember(props.roomId, m.userId); await refreshRoomMembers(props.roomId); })}>
                  {text.remove}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {manager && (
        <div class="find-users">
          <label>{text.findUsers}
            <input type="search" value={query} placeholder={text.findUsersHint} onInput={(e) => void search((e.target as HTMLInputElement).value)} />
          </label>
          <ul class="found">
            {found.filter((u) => !members.some((m) => m.userId === u.id)).map((u) => (
              <li key={u.id}>
                <span>{u.displayName}{u.unit ? ` · ${u.unit}` : ''}</span>
                <button type="button" class="primary small" onClick={() => void setRole(u.id, 'member').then(() => { setQuery(''); setFound([]); })}>{text.add}</button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {manager && (
        <button type="button" class="danger-button" onClick={() => {
          if (confirm(text.closeRoomConfirm)) void attempt(async () => { const closed = await api.closeRoom(props.roomId); update((st) => storeRoom(st, closed)); });
        }}>{text.closeRoom}</button>
      )}
    </div>
  );
}
