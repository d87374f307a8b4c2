import { useEffect, useRef, useState } from 'preact/hooks';
import { newClientId } from '../api';
import { config } from '../config';
import { t } from '../i18n';
import { go } from '../route';
import { can, state } from '../state';
import type { Chat } from '../types';
import { Dialog } from '../ui/Dialog';
import { useAppState } from '../ui/hooks';
import { ChatMap } from './ChatMap';
import { legendOf, statusColour } from './forceStatus';
import type { Layer, UnitStatus } from './mapApi';

let stylesheet: Promise<void> | undefined;

/** MapLibre's stylesheet, added to the page the first time a map opens (the map is made once it applies). */
function loadStylesheet(): Promise<void> {
  stylesheet ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/maplibre/maplibre-gl.css';
    link.onload = () => resolve();
    link.onerror = () => resolve();
    document.head.append(link);
  });
  return stylesheet;
}

declare global {
  interface Window { lagebildMap?: ChatMap }
}

/** The chat's map with its controls: "Alle Kräfte", the data layers, the forces list (tracks for managers). */
export function MapPanel(props: { chat: Chat }) {
  const s = useAppState();
  const text = t().map;
  const container = useRef<HTMLDivElement>(null);
  const [chatMap, setChatMap] = useState<ChatMap>();
  const [, setTick] = useState(0);
  const [panel, setPanel] = useState<'none' | 'layers' | 'forces'>('none');
  const chat = props.chat;

  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let created: ChatMap | undefined;
    let live = true;
    void loadStylesheet().then(() => {
      if (!live) return;
      try {
        created = new ChatMap(container.current!, chat, () => setTick((n) => n + 1));
      } catch {
        setFailed(true);
        return;
      }
      window.lagebildMap = created;
      setChatMap(created);
      void created.start();
      if (state.mapFocus) created.focus(state.mapFocus);
    });
    return () => { live = false; created?.destroy(); if (window.lagebildMap === created) window.lagebildMap = undefined; };
  }, [chat.id]);

  useEffect(() => {
    if (chatMap && s.mapFocus) chatMap.focus(s.mapFocus);
  }, [s.mapFocus?.seq]);

  const status = chatMap?.status;
  const unavailable = status?.phase === 'unavailable';
  const forces = chatMap ? [...chatMap.forces.forces.values()] : [];
  return (
    <section class="map-pane" aria-label={text.mapOf(chat.name)}>
      <div class="map-head">
        <button type="button" class="small map-to-chat" onClick={() => go(chat.roomId, chat.id)}>{text.toChat}</button>
        <h2>{text.title}</h2>
        {!unavailable && <>
          <button type="button" class="small" onClick={() => void chatMap?.fitAll()}>{text.allForces}</button>
          <button type="button" class="small" aria-expanded={panel === 'layers'} onClick={() => setPanel(panel === 'layers' ? 'none' : 'layers')}>{text.layers}</button>
          <button type="button" class="small" aria-expanded={panel === 'forces'} onClick={() => setPanel(panel === 'forces' ? 'none' : 'forces')}>
            {text.forces} ({forces.length})
          </button>
        </>}
        <button type="button" class="icon-button map-close" aria-label={text.close} onClick={() => go(chat.roomId, chat.id)}>✕</button>
      </div>
      {status?.frozen && <p class="map-note" role="note">{text.frozen}</p>}
      {status?.phase === 'ready' && can(chat, 'write') && !status.frozen && <p class="map-hint">{text.addPoiHint}</p>}
      <div class="map-body">
        {unavailable && <p class="map-unavailable" role="alert">{text.notAvailable}</p>}
        {failed && <p class="map-unavailable" role="alert">{text.noWebGl}</p>}
        <div ref={container} class="map-canvas" hidden={unavailable} data-phase={status?.phase ?? 'none'} />
        {chatMap && panel === 'layers' && <LayerPanel chatMap={chatMap} />}
        {chatMap && panel === 'forces' && <ForcePanel chatMap={chatMap} manage={can(chat, 'manage')} />}
        {chatMap && status?.phase === 'ready' && forces.length > 0 && <StatusLegend chatMap={chatMap} />}
      </div>
      {chatMap?.pois.addAt && <AddPoiDialog chatMap={chatMap} />}
    </section>
  );
}

function LayerPanel(props: { chatMap: ChatMap }) {
  const text = t().map;
  const status = props.chatMap.status;
  const groups = new Map<string, Layer[]>();
  for (const layer of status.layers) {
    const category = layer.category || 'other';
    groups.set(category, [...(groups.get(category) ?? []), layer]);
  }
  return (
    <div class="map-panel" role="region" aria-label={text.layers}>
      {status.layers.length === 0 && <p class="note">{text.noLayers}</p>}
      {[...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([category, layers]) => (
        <fieldset key={category} class="layer-group">
          <legend>{text.category(category)}</legend>
          {layers.map((layer) => (
            <label key={layer.id} class="check">
              <input type="checkbox" checked={status.shownLayers.has(layer.id)} data-layer={layer.id}
                onChange={(e) => props.chatMap.toggleLayer(layer, (e.target as HTMLInputElement).checked)} />
              <span>{layer.name} <span class="unit">({layer.featureCount})</span></span>
            </label>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

/** The colours of the forces on the map: each unit status shown (urgent first), then no status and stale; collapsible. */
function StatusLegend(props: { chatMap: ChatMap }) {
  const text = t().map;
  const store = props.chatMap.forces;
  const staleAfterMs = config().map.staleAfterSeconds * 1000;
  const now = Date.now();
  const shown: (UnitStatus | undefined)[] = [];
  let stale = 0;
  for (const f of store.forces.values()) {
    const status = store.statusOf(f.userId);
    if (now - Date.parse(f.recordedAt) > staleAfterMs && !status?.urgent) stale++;
    else shown.push(status);
  }
  const entries = legendOf(shown, stale, text.noStatus, text.stale);
  // Open on a desktop; on a phone folded, so it does not cover the map.
  const [open] = useState(() => window.matchMedia('(min-width: 700px)').matches);
  return (
    <details class="map-legend" open={open}>
      <summary>{text.legend}</summary>
      <ul>
        {entries.map((e) => (
          <li key={e.key} data-legend={e.key} class={e.urgent ? 'urgent' : ''}>
            <span class={e.urgent ? 'swatch urgent' : 'swatch'} style={{ background: e.colour }} aria-hidden="true" />
            {e.code !== undefined && <span class="legend-code">{e.code}</span>}
            <span class="legend-text">{e.text}</span>
            <span class="legend-count">{e.count}</span>
          </li>
        ))}
        {state.me && store.forces.has(state.me.id) && (
          <li data-legend="me"><span class="swatch own" aria-hidden="true" /><span class="legend-text">{text.ownPosition}</span></li>
        )}
      </ul>
    </details>
  );
}

const TRACK_WINDOWS = [15, 60, 240, 1440];

function ForcePanel(props: { chatMap: ChatMap; manage: boolean }) {
  const text = t().map;
  const chatMap = props.chatMap;
  const [minutes, setMinutes] = useState(60);
  const now = Date.now();
  const byId = new Map(chatMap.forceData().features.map((f) => [f.properties.id, f.properties]));
  const forces = [...chatMap.forces.forces.values()].sort((a, b) => (chatMap.forces.nameOf(a.userId).name ?? '').localeCompare(chatMap.forces.nameOf(b.userId).name ?? ''));
  return (
    <div class="map-panel" role="region" aria-label={text.forces}>
      {forces.length === 0 && <p class="note">{text.noForces}</p>}
      {props.manage && forces.length > 0 && (
        <label class="track-window">{text.trackWindow}
          <select value={minutes} onChange={(e) => setMinutes(Number((e.target as HTMLSelectElement).value))}>
            {TRACK_WINDOWS.map((m) => <option key={m} value={m}>{text.lastMinutes(m)}</option>)}
          </select>
        </label>
      )}
      <ul class="force-list">
        {forces.map((f) => {
          const who = chatMap.forces.nameOf(f.userId);
          const unitStatus = chatMap.forces.statusOf(f.userId);
          const p = byId.get(f.userId);
          const age = Math.max(0, Math.round((now - Date.parse(f.recordedAt)) / 1000));
          return (
            <li key={f.userId} data-force={f.userId} class={p?.stale ? 'stale' : ''}>
              <button type="button" class="link-button" onClick={() => chatMap.zoomTo(f.userId)}>{who.name ?? '…'}</button>
              <span class="unit">{who.unit}</span>
              {unitStatus && (
                <span class={unitStatus.urgent ? 'force-status urgent' : 'force-status'} title={unitStatus.label}>
                  <span class="swatch" style={{ background: statusColour(unitStatus) }} aria-hidden="true" />{unitStatus.code} {unitStatus.shortLabel}
                </span>
              )}
              <span class="force-age">{text.age(age)}{f.accuracy ? ` · ±${Math.round(f.accuracy)} m` : ''}{p?.stale ? ` · ${text.stale}` : ''}</span>
              {props.manage && (chatMap.status.trackOf === f.userId
                ? <button type="button" class="small" onClick={() => chatMap.hideTrack()}>{text.hideTrack}</button>
                : <button type="button" class="small" onClick={() => void chatMap.showTrack(f.userId, minutes)}>{text.showTrack}</button>)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function AddPoiDialog(props: { chatMap: ChatMap }) {
  const text = t().map;
  // One client id per dialog: a retried submit creates the POI once.
  const [clientId] = useState(newClientId);
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={text.addPoi} onClose={() => props.chatMap.pois.cancelAdd()}>
      <form class="form" onSubmit={async (e) => {
        e.preventDefault();
        if (!name.trim() || busy) return;
        setBusy(true);
        const added = await props.chatMap.pois.add(clientId, name.trim(), category.trim(), description.trim());
        setBusy(false);
        if (added) (e.target as HTMLFormElement).closest('dialog')?.close();
      }}>
        <label>{text.poiName}<input required maxLength={200} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} /></label>
        <label>{text.poiCategory}<input maxLength={50} list="poi-categories" value={category} onInput={(e) => setCategory((e.target as HTMLInputElement).value)} /></label>
        <datalist id="poi-categories">{text.poiCategories.map((c) => <option key={c} value={c} />)}</datalist>
        <label>{text.poiDescription}<textarea maxLength={2000} value={description} onInput={(e) => setDescription((e.target as HTMLTextAreaElement).value)} /></label>
        <div class="actions">
          <button type="submit" class="primary" disabled={!name.trim() || busy}>{t().create}</button>
        </div>
      </form>
    </Dialog>
  );
}
