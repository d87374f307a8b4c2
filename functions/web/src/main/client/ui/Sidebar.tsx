import { useState } from 'preact/hooks';
import { api, newClientId } from '../api';
import { t } from '../i18n';
import { go } from '../route';
import { can, update } from '../state';
import { refreshRoomMembers, storeChat, storeRoom } from '../sync';
import { ops } from '../ops/state';
import { Dialog } from './Dialog';
import { attempt, useAppState } from './hooks';
import { MyStatusLine } from './UnitStatus';

/** My rooms, or the chats of the chosen room with their unread counts. */
export function Sidebar() {
  const s = useAppState();
  const room = s.roomId ? s.rooms[s.roomId] : undefined;
  return (
    <nav class="sidebar" aria-label={room ? t().chats : t().rooms}>
      {room ? <ChatList roomId={room.id} /> : <RoomList />}
    </nav>
  );
}

function RoomList() {
  const s = useAppState();
  const text = t();
  const [opening, setOpening] = useState(false);
  const rooms = Object.values(s.rooms).sort((a, b) => (a.closedAt ? 1 : 0) - (b.closedAt ? 1 : 0) || a.name.localeCompare(b.name));
  const isLead = s.me?.roles.includes('operations-lead');
  return (
    <>
      <div class="pane-head">
        <h1>{text.rooms}</h1>
        {isLead && <button type="button" class="primary small" onClick={() => setOpening(true)}>{text.openRoom}</button>}
      </div>
      {rooms.length === 0 && <p class="empty">{text.noRooms}</p>}
      <ul class="list">
        {rooms.map((room) => {
          const unread = Object.values(s.chats).filter((c) => c.roomId === room.id).reduce((n, c) => n + (s.unread[c.id] ?? 0), 0);
          return (
            <li key={room.id}>
              <a href={`#/r/${room.id}`} class="list-item" onClick={(e) => { e.preventDefault(); go(room.id); }}>
                <span class="avatar" aria-hidden="true">{room.name.slice(0, 1).toUpperCase()}</span>
                <span class="item-text">
                  <span class="item-title">{room.name}</span>
                  <span class="item-sub">{room.closedAt ? text.closed : room.description}</span>
                </span>
                {unread > 0 && <span class="badge" aria-label={text.unread(unread)}>{unread}</span>}
              </a>
            </li>
          );
        })}
      </ul>
      {opening && <OpenRoomDialog onClose={() => setOpening(false)} />}
    </>
  );
}

function OpenRoomDialog(props: { onClose: () => void }) {
  const text = t();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [clientId] = useState(newClientId);
  return (
    <Dialog title={text.openRoom} onClose={props.onClose}>
      <form class="form" onSubmit={async (e) => {
        e.preventDefault();
        await attempt(async () => {
          const room = await api.openRoom(clientId, name.trim(), description.trim());
          update((s) => storeRoom(s, room));
          props.onClose();
          go(room.id);
        });
      }}>
        <label>{text.roomName}<input required maxLength={200} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} /></label>
        <label>{text.description}<textarea maxLength={4000} value={description} onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)} /></label>
        <div class="actions"><button type="submit" class="primary">{text.create}</button></div>
      </form>
    </Dialog>
  );
}

function ChatList(props: { roomId: string }) {
  const s = useAppState();
  const text = t();
  const room = s.rooms[props.roomId];
  const [creating, setCreating] = useState(false);
  const chats = Object.values(s.chats).filter((c) => c.roomId === room.id && can(c, 'read')).sort((a, b) => a.name.localeCompare(b.name));
  return (
    <>
      <div class="pane-head">
        <button type="button" class="icon-button back" aria-label={text.back} onClick={() => go()}>←</button>
        <h1 title={room.name}>{room.name}</h1>
        {!room.closedAt && <button type="button" class="primary small" onClick={() => { void refreshRoomMembers(room.id); setCreating(true); }}>{text.newChat}</button>}
      </div>
      {room.closedAt && <p class="note">{text.roomClosedNote}</p>}
      {!room.closedAt && <MyStatusLine roomId={room.id} />}
      <button type="button" class="list-item room-details" aria-current={!s.chatId && s.details && ops.roomPane === 'members' ? 'true' : undefined}
        onClick={() => { go(room.id); update((st) => { st.details = true; ops.roomPane = 'members'; }); void refreshRoomMembers(room.id); }}>
        <span class="avatar secondary" aria-hidden="true">i</span>
        <span class="item-text"><span class="item-title">{text.roomMembers}</span></span>
      </button>
      <button type="button" class="list-item room-details" aria-current={!s.chatId && s.details && ops.roomPane === 'status' ? 'true' : undefined}
        onClick={() => { go(room.id); update((st) => { st.details = true; ops.roomPane = 'status'; }); }}>
        <span class="avatar secondary" aria-hidden="true">S</span>
        <span class="item-text"><span class="item-title">{text.status.board}</span></span>
      </button>
      {chats.length === 0 && <p class="empty">{text.noChats}</p>}
      <ul class="list">
        {chats.map((chat) => {
          const unread = s.unread[chat.id] ?? 0;
          const list = s.messages[chat.id];
          const last = list && list.length ? list[list.length - 1] : undefined;
          return (
            <li key={chat.id}>
              <a href={`#/r/${room.id}/c/${chat.id}`} class="list-item" aria-current={s.chatId === chat.id ? 'page' : undefined}
                onClick={(e) => { e.preventDefault(); go(room.id, chat.id); }}>
                <span class="avatar" aria-hidden="true">#</span>
                <span class="item-text">
                  <span class="item-title">{chat.name}</span>
                  <span class="item-sub">{last?.body ?? ''}</span>
                </span>
                {unread > 0 && <span class="badge" aria-label={text.unread(unread)}>{unread}</span>}
              </a>
            </li>
          );
        })}
      </ul>
      {creating && <NewChatDialog roomId={room.id} onClose={() => setCreating(false)} />}
    </>
  );
}

function NewChatDialog(props: { roomId: string; onClose: () => void }) {
  const s = useAppState();
  const text = t();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [clientId] = useState(newClientId);
  const others = (s.roomMembers[props.roomId] ?? []).filter((m) => m.userId !== s.me?.id);
  return (
    <Dialog title={text.newChat} onClose={props.onClose}>
      <form class="form" onSubmit={async (e) => {
        e.preventDefault();
        await attempt(async () => {
          const chat = await api.createChat(props.roomId, clientId, name.trim(), chosen);
          update((st) => storeChat(st, chat));
          props.onClose();
          go(props.roomId, chat.id);
        });
      }}>
        <label>{text.chatName}<input required maxLength={200} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} /></label>
        <fieldset>
          <legend>{text.chooseMembers}</legend>
          {others.map((m) => (
            <label class="check" key={m.userId}>
              <input type="checkbox" checked={chosen.includes(m.userId)}
                onChange={(e) => setChosen((e.target as HTMLInputElement).checked ? [...chosen, m.userId] : chosen.filter((id) => id !== m.userId))} />
              {m.displayName}{m.unit ? ` (${m.unit})` : ''}
            </label>
          ))}
        </fieldset>
        <div class="actions"><button type="submit" class="primary">{text.create}</button></div>
      </form>
    </Dialog>
  );
}
