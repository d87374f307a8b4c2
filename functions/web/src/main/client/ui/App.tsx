import { signIn, signOut } from '../auth';
import { clearAll } from '../db';
import { setLanguage, t } from '../i18n';
import { notify, update } from '../state';
import { AlarmBanner, AlarmButton } from './Alarms';
import { ChatView } from './ChatView';
import { Details } from './Details';
import { useAppState } from './hooks';
import { MapSlot } from './MapSlot';
import { OrderReminders } from './Orders';
import { PushSwitch } from './PushSwitch';
import { SharingSwitch } from './SharingSwitch';
import { Sidebar } from './Sidebar';
import { StatusPicker, StatusRequestPrompt } from './UnitStatus';

let firstRender = false;

/** The frame: top bar, then rooms and chats | the chat | details (one column on a phone). */
export function App() {
  const s = useAppState();
  const text = t();
  if (s.phase === 'starting') return <main class="center"><p role="status">{text.signingIn}</p></main>;
  if (s.phase === 'signed-out') {
    return (
      <main class="center signed-out">
        <img src="/icons/icon.svg" alt="" width={96} height={96} />
        <h1>{text.signedOutTitle}</h1>
        <p>{text.signedOutText}</p>
        <button type="button" class="primary" onClick={() => void signIn()}>{text.signIn}</button>
      </main>
    );
  }
  if (!firstRender) {
    firstRender = true;
    requestAnimationFrame(() => performance.mark('lagebild-first-render'));
  }
  const map = s.map && !!s.chatId;
  const view = s.details && s.chatId ? 'details' : map ? 'map' : s.chatId ? 'chat' : s.roomId ? 'room' : 'rooms';
  return (
    <div class={`shell view-${view}${s.details ? ' with-details' : ''}${map ? ' with-map' : ''}`}>
      <header class="topbar">
        <span class="brand"><img src="/icons/icon.svg" alt="" width={28} height={28} />{text.appName}</span>
        <span class={`connection ${s.connection}`} role="status">
          {s.connection === 'online' ? '' : s.connection === 'connecting' ? text.connecting : text.offlineBanner}
        </span>
        <SharingSwitch />
        <PushSwitch />
        <label class="language">
          <span class="visually-hidden">{text.language}</span>
          <select value={s.language} onChange={(e) => {
            const value = (e.target as HTMLSelectElement).value as 'de' | 'en';
            setLanguage(value);
            update((st) => { st.language = value; });
          }}>
            <option value="de">Deutsch</option>
            <option value="en">English</option>
          </select>
        </label>
        <span class="me" title={s.me?.unit}>{s.me?.displayName}</span>
        <AlarmButton />
        <button type="button" class="link-button" onClick={() => void clearAll().then(signOut)}>{text.signOut}</button>
      </header>
      <div class="alerts">
        <AlarmBanner />
        <StatusRequestPrompt />
        <OrderReminders />
        {s.notice && (
          <div class="notice" role="alert">
            <span>{s.notice}</span>
            <button type="button" class="icon-button" aria-label={text.close} onClick={() => notify(undefined)}>✕</button>
          </div>
        )}
      </div>
      <Sidebar />
      <ChatView />
      <Details />
      <MapSlot />
      <StatusPicker />
    </div>
  );
}
