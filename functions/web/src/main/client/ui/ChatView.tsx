import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, newClientId } from '../api';
import { t } from '../i18n';
import { orders } from '../ops/orders';
import { discard, enqueue } from '../outbox';
import { go, showOnMap } from '../route';
import { can, state, update } from '../state';
import { loadOlder, openChatWindow, refreshChatMembers, storeChat, trimWindow } from '../sync';
import type { Chat, ChatMember, Message, OutboxItem } from '../types';
import { attempt, useAppState } from './hooks';
import { AttachIcon, CameraIcon, FileIcon, PinIcon } from './Icons';
import { OrderBadges, OrderBlock } from './Orders';
import { plainMessage, SendAsLine, SendOptions, SendOptionsToggle, type SendAs } from './SendOptions';

const WINDOW = 200;

/** The open chat: its messages (older ones load as the reader scrolls up), the outbox, the composer. */
export function ChatView() {
  const s = useAppState();
  const text = t();
  const chat = s.chatId ? s.chats[s.chatId] : undefined;
  useEffect(() => {
    if (!chat) return;
    void openChatWindow(chat.id);
    void refreshChatMembers(chat.id).catch(() => undefined);
  }, [chat?.id]);
  if (!chat) {
    return <main class="chat empty-chat" id="main"><p>{s.roomId ? text.selectChat : text.selectRoom}</p></main>;
  }
  const room = s.rooms[chat.roomId];
  const writable = can(chat, 'write') && !room?.closedAt;
  return (
    <main class="chat" id="main" aria-label={chat.name}>
      <div class="chat-head">
        <button type="button" class="icon-button back" aria-label={text.back} onClick={() => go(chat.roomId)}>←</button>
        <h2>{chat.name}</h2>
        <button type="button" class="link-button" aria-pressed={s.map} onClick={() => go(chat.roomId, chat.id, !s.map)}>{text.map.open}</button>
        <button type="button" class="link-button" aria-expanded={s.details} onClick={() => update((st) => { st.details = !st.details; })}>
          {text.details}
        </button>
      </div>
      <MessageList chat={chat} />
      {writable ? <Composer chat={chat} /> : <p class="composer-disabled" role="note">{room?.closedAt ? text.roomClosedNote : text.noWrite}</p>}
    </main>
  );
}

function MessageList(props: { chat: Chat }) {
  const s = useAppState();
  const text = t();
  const chat = props.chat;
  const list = s.messages[chat.id] ?? [];
  const outbox = s.outbox.filter((i) => i.chatId === chat.id);
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const loading = useRef(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const firstSeq = list.length ? list[0].seq : 0;
  const lastSeq = list.length ? list[list.length - 1].seq : 0;
  const keepFrom = useRef<{ height: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (keepFrom.current) {
      el.scrollTop = el.scrollHeight - keepFrom.current.height + keepFrom.current.top;
      keepFrom.current = null;
    } else if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
      trimWindow(chat.id, WINDOW);
    }
  }, [firstSeq, lastSeq, list.length, outbox.length]);

  // Read marker: what is on screen at the bottom while the page is visible.
  useEffect(() => {
    const newest = [...list].reverse().find((m) => !m.deleted || true);
    if (!newest || !atBottom.current || document.visibilityState !== 'visible') return;
    if (newest.seq <= chat.myReadUpToSeq) return;
    const timer = setTimeout(() => {
      const current = state.chats[chat.id];
      if (!current || newest.seq <= current.myReadUpToSeq) return;
      update((st) => { storeChat(st, { ...current, myReadUpToSeq: newest.seq }); st.unread = { ...st.unread, [chat.id]: 0 }; });
      void api.readMarker(chat.id, newest.seq).catch(() => undefined);
    }, 300);
    return () => clearTimeout(timer);
  }, [lastSeq, chat.id, chat.myReadUpToSeq]);

  const onScroll = async () => {
    const el = scroller.current!;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    if (atBottom.current) trimWindow(chat.id, WINDOW);
    if (el.scrollTop < 200 && s.hasOlder[chat.id] && !loading.current) {
      loading.current = true;
      setLoadingOlder(true);
      keepFrom.current = { height: el.scrollHeight, top: el.scrollTop };
      await loadOlder(chat.id);
      loading.current = false;
      setLoadingOlder(false);
    }
  };

  // A reminder asked to show an order: scroll to it, loading older pages while it is not yet in the window.
  const focus = orders.focus?.chatId === chat.id ? orders.focus.messageId : undefined;
  useEffect(() => {
    if (!focus) return;
    const item = scroller.current?.querySelector(`[data-id="${focus}"]`);
    if (item) {
      item.scrollIntoView({ block: 'center' });
      update(() => { orders.focus = undefined; });
    } else if (s.hasOlder[chat.id] && !loading.current) {
      loading.current = true;
      void loadOlder(chat.id).finally(() => { loading.current = false; });
    }
  }, [focus, firstSeq, list.length]);

  const members = s.chatMembers[chat.id] ?? [];
  return (
    <div class="messages" ref={scroller} onScroll={onScroll} role="log" aria-live="polite" aria-label={text.chatMembers && chat.name} tabIndex={0}>
      {loadingOlder && <p class="loading" role="status">{text.loadingOlder}</p>}
      <ol class="message-list">
        {list.map((m) => <MessageItem key={m.id} message={m} chat={chat} members={members} />)}
        {outbox.map((item) => <OutboxEntry key={item.clientId} item={item} />)}
      </ol>
    </div>
  );
}

function time(iso: string): string {
  return new Date(iso).toLocaleTimeString(state.language === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

function MessageItem(props: { message: Message; chat: Chat; members: ChatMember[] }) {
  const text = t();
  const m = props.message;
  const me = state.me?.id;
  const mine = m.author?.id === me;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(m.body ?? '');
  if (m.deleted) {
    return <li class={`message deleted${mine ? ' mine' : ''}`} data-seq={m.seq}><p class="body">{text.deleted}</p></li>;
  }
  const reminded = orders.reminders.some((r) => r.messageId === m.id);
  const others = props.members.filter((member) => member.userId !== m.author?.id);
  const readers = others.filter((member) => member.readUpToSeq >= m.seq);
  return (
    <li class={`message${mine ? ' mine' : ''}${m.priority ? ` priority-${m.priority}` : ''}${reminded ? ' reminded' : ''}`} data-seq={m.seq} data-id={m.id}>
      {!mine && <p class="author">{m.postedAs === 'domain-admin' ? text.postedByAdmin : m.author?.displayName}{m.author?.unit ? ` · ${m.author.unit}` : ''}</p>}
      {m.kind === 'photo' && m.attachmentId && <Photo id={m.attachmentId} />}
      {m.kind === 'file' && m.attachmentId && <FileLink id={m.attachmentId} name={m.body ?? text.file} />}
      {m.kind === 'location' && m.location && (
        <p class="body location"><PinIcon /> {text.locationMessage}: {m.location.lat.toFixed(5)}, {m.location.lon.toFixed(5)}
          {m.location.accuracy ? ` (±${Math.round(m.location.accuracy)} m)` : ''}</p>
      )}
      {m.kind === 'poi' && <p class="body location"><PinIcon /> {text.poi}{m.body ? `: ${m.body}` : ''}</p>}
      {((m.kind === 'location' && m.location) || (m.kind === 'poi' && m.poiId)) && (
        <button type="button" class="link-button show-on-map" onClick={() => showOnMap(props.chat.roomId, props.chat.id, m.kind === 'poi'
          ? { poiId: m.poiId ?? undefined, label: m.body ?? undefined }
          : { lat: m.location!.lat, lon: m.location!.lon, label: `${text.locationMessage} ${m.author?.displayName ?? ''}` })}>
          {text.map.showOnMap}
        </button>
      )}
      {editing ? (
        <form class="edit" onSubmit={async (e) => {
          e.preventDefault();
          if (await attempt(() => api.edit(m.chatId, m.id, draft.trim()))) setEditing(false);
        }}>
          <label class="visually-hidden" for={`edit-${m.id}`}>{text.edit}</label>
          <textarea id={`edit-${m.id}`} value={draft} onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} />
          <button type="submit" class="primary small">{text.save}</button>
          <button type="button" class="small" onClick={() => setEditing(false)}>{text.cancel}</button>
        </form>
      ) : (m.kind === 'text' && <p class="body">{m.body}</p>)}
      {m.kind !== 'text' && m.kind !== 'file' && m.kind !== 'poi' && m.body && !editing && <p class="body caption">{m.body}</p>}
      <OrderBlock message={m} chat={props.chat} />
      <p class="meta">
        <time dateTime={m.createdAt}>{time(m.createdAt)}</time>
        {m.editedAt && <span> · {text.edited}</span>}
        {mine && others.length > 0 && (
          <details class="receipts">
            <summary>{text.readBy(readers.length, others.length)}</summary>
            <span>{text.readByList}: {readers.map((r) => r.displayName).join(', ') || '–'}</span>
          </details>
        )}
      </p>
      {mine && !editing && (
        <div class="message-actions">
          {m.kind === 'text' && can(props.chat, 'write') && <button type="button" class="link-button" onClick={() => { setDraft(m.body ?? ''); setEditing(true); }}>{text.edit}</button>}
          <button type="button" class="link-button" onClick={() => { if (confirm(text.deleteConfirm)) void attempt(() => api.remove(m.chatId, m.id)); }}>{text.delete}</button>
        </div>
      )}
    </li>
  );
}

function OutboxEntry(props: { item: OutboxItem }) {
  const text = t();
  const item = props.item;
  return (
    <li class={`message mine outbox ${item.state}`} data-client-id={item.clientId}>
      {item.kind === 'text' ? <p class="body">{item.body}</p> : <p class="body location"><PinIcon /> {text.locationMessage}</p>}
      <OrderBadges priority={item.priority} ackRequested={item.ackRequested} />
      <p class="meta">
        <span class="outbox-state">{item.state === 'failed' ? `${text.failed}: ${item.error ?? ''}` : text.pending}</span>
        {item.state === 'failed' && <button type="button" class="link-button" onClick={() => void discard(item.clientId)}>{text.discard}</button>}
      </p>
    </li>
  );
}

function Photo(props: { id: string }) {
  const text = t();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let live = true;
    void api.attachmentLink(props.id, 'thumbnail').then((link) => { if (live) setUrl(link.url); }).catch(() => undefined);
    return () => { live = false; };
  }, [props.id]);
  const openFull = () => void attempt(async () => { const link = await api.attachmentLink(props.id, 'served'); window.open(link.url, '_blank', 'noopener'); });
  return (
    <button type="button" class="photo" onClick={openFull} aria-label={text.openFull}>
      {url ? <img src={url} alt={text.photo} loading="lazy" /> : <span class="photo-placeholder">{text.photo}</span>}
    </button>
  );
}

function FileLink(props: { id: string; name: string }) {
  const text = t();
  return (
    <button type="button" class="file" onClick={() => void attempt(async () => { const link = await api.attachmentLink(props.id, 'served'); window.location.assign(link.url); })}>
      <FileIcon /> {props.name} <span class="visually-hidden">{text.downloadFile}</span>
    </button>
  );
}

function Composer(props: { chat: Chat }) {
  const text = t();
  const chat = props.chat;
  const [body, setBody] = useState('');
  const [sendAs, setSendAs] = useState<SendAs>(plainMessage);
  const [choosing, setChoosing] = useState(false);
  const [uploading, setUploading] = useState(false);
  const send = async () => {
    const value = body.trim();
    if (!value) return;
    setBody('');
    setSendAs(plainMessage);
    setChoosing(false);
    await enqueue({
      chatId: chat.id, roomId: chat.roomId, kind: 'text', body: value,
      ...(sendAs.priority !== 'normal' ? { priority: sendAs.priority } : {}), ...(sendAs.order ? { ackRequested: true } : {}),
    });
  };
  const shareLocation = () => {
    if (!navigator.geolocation) { update((s) => { s.notice = text.locationUnavailable; }); return; }
    navigator.geolocation.getCurrentPosition(
      (p) => void enqueue({ chatId: chat.id, roomId: chat.roomId, kind: 'location', location: { lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy } }),
      () => update((s) => { s.notice = text.locationUnavailable; }),
      { enableHighAccuracy: true, timeout: 15000 });
  };
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setUploading(true);
    const clientId = newClientId();
    await attempt(() => api.sendMedia(chat.id, clientId, file));
    setUploading(false);
  };
  return (
    <div class="composer-area">
      {choosing && <SendOptions sendAs={sendAs} onChange={setSendAs} onClose={() => setChoosing(false)} />}
      <SendAsLine sendAs={sendAs} onReset={() => setSendAs(plainMessage)} />
      <form class="composer" onSubmit={(e) => { e.preventDefault(); void send(); }}>
        <label class="icon-button attach" title={text.attach}>
          <span class="visually-hidden">{text.attach}</span><AttachIcon />
          <input type="file" accept="image/jpeg,image/png,application/pdf" class="visually-hidden" data-testid="attach" onChange={(e) => void upload(e.target as HTMLInputElement)} />
        </label>
        <label class="icon-button camera" title={text.photo}>
          <span class="visually-hidden">{text.photo}</span><CameraIcon />
          <input type="file" accept="image/*" capture="environment" class="visually-hidden" onChange={(e) => void upload(e.target as HTMLInputElement)} />
        </label>
        <button type="button" class="icon-button" title={text.shareLocation} aria-label={text.shareLocation} onClick={shareLocation}><PinIcon /></button>
        <SendOptionsToggle sendAs={sendAs} open={choosing} onToggle={() => setChoosing(!choosing)} />
        <label class="visually-hidden" for="composer-text">{text.messagePlaceholder}</label>
        <textarea id="composer-text" rows={1} placeholder={text.messagePlaceholder} value={body} maxLength={4000}
          onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); void send(); } }} />
        {uploading && <span role="status" class="uploading">{text.uploading}</span>}
        <button type="submit" class={`primary send${sendAs.priority === 'normal' ? '' : ` ${sendAs.priority}`}`} disabled={!body.trim()}>{text.send}</button>
      </form>
    </div>
  );
}
