import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { go } from '../route';
import type { Chat } from '../types';
import { useAppState } from './hooks';

type MapPanelType = FunctionComponent<{ chat: Chat }>;
let loaded: MapPanelType | undefined;

/** Where the map goes: its code (MapLibre included) is a chunk fetched the first time a map opens. */
export function MapSlot() {
  const s = useAppState();
  const text = t();
  const [Panel, setPanel] = useState<MapPanelType | undefined>(() => loaded);
  const open = s.map && !!s.chatId;
  useEffect(() => {
    if (!open || Panel) return;
    void import('../map/MapPanel').then((m) => { loaded = m.MapPanel; setPanel(() => m.MapPanel); });
  }, [open]);
  if (!open) return null;
  const chat = s.chatId ? s.chats[s.chatId] : undefined;
  if (!chat || !chat.myPermissions.includes('read')) {
    return (
      <section class="map-pane" aria-label={text.map.title}>
        <div class="map-head">
          <h2>{text.map.title}</h2>
          <button type="button" class="icon-button" aria-label={text.map.close} onClick={() => go(s.roomId)}>✕</button>
        </div>
        <p class="map-unavailable" role="alert">{text.map.notAvailable}</p>
      </section>
    );
  }
  if (!Panel) return <section class="map-pane" aria-label={text.map.title}><p class="map-unavailable" role="status">{text.map.loading}</p></section>;
  return <Panel key={chat.id} chat={chat} />;
}
