import { Map as MapLibre, Marker, Popup, type MapMouseEvent, type MapTouchEvent } from 'maplibre-gl';
import { ApiError, api, errorText, newClientId } from '../api';
import { t } from '../i18n';
import { notify, state } from '../state';
import type { Chat } from '../types';
import { mapApi, type PoiEventPayload, type PoiFeature } from './mapApi';

/** A POI as the map holds it. */
export interface Poi { id: string; name: string; description?: string | null; category?: string | null; lat: number; lon: number; version: number }

/**
 * The POIs of a chat's map as draggable DOM markers (few, and each reachable by keyboard): added by
 * right click or long press, moved by dragging with the version the drag started from (a POI changed
 * meanwhile is a conflict the user is told about), shared into the chat, deleted; followed live from
 * the stream's POI events.
 */
export class PoiMarkers {
  readonly all = new Map<string, Poi>();
  /** Where the user asked to add a POI (the dialog is open while set). */
  addAt?: { lat: number; lon: number };
  /** Markers are placed once the map's style has loaded. */
  placing = false;
  /** Adding is offered once the map is known to be readable. */
  enabled = false;
  private readonly markers = new Map<string, Marker>();
  private dragging?: { id: string; version: number };
  private dragEndedAt = 0;

  constructor(private readonly map: MapLibre, private readonly chat: Chat, private readonly changed: () => void,
    private readonly showPopup: (popup: Popup) => void, private readonly onLoaded: () => void) {
    map.on('contextmenu', (e) => this.askToAdd(e));
    this.longPressToAdd();
  }

  private get chatId(): string {
    return this.chat.id;
  }

  get(id: string): Poi | undefined {
    return this.all.get(id);
  }

  /** The map's style has loaded: markers can be placed. */
  placeAll(): void {
    this.placing = true;
    for (const poi of this.all.values()) this.placeMarker(poi);
  }

  async load(): Promise<void> {
    try {
      const list = await mapApi.pois(this.chatId);
      const ids = new Set<string>();
      for (const f of list.features) { ids.add(f.id); this.upsert(poiOf(f), true); }
      for (const id of [...this.all.keys()]) if (!ids.has(id)) this.drop(id);
      this.onLoaded();
    } catch { /* the map still shows the forces */ }
  }

  applyEvent(event: string, p: PoiEventPayload): void {
    if (event === 'poi.deleted' || p.deletedAt) { this.drop(p.id); return; }
    this.upsert({ id: p.id, name: p.name, description: p.description, category: p.category, lat: p.lat, lon: p.lon, version: p.version }, false);
  }

  private upsert(poi: Poi, force: boolean): void {
    const held = this.all.get(poi.id);
    if (held && held.version > poi.version && !force) return;
    this.all.set(poi.id, poi);
    if (this.placing) this.placeMarker(poi);
    this.changed();
  }

  private drop(id: string): void {
    this.all.delete(id);
    this.markers.get(id)?.remove();
    this.markers.delete(id);
    this.changed();
  }

  version(id: string): number | undefined {
    return this.all.get(id)?.version;
  }

  private writable(): boolean {
    const chat = state.chats[this.chatId] ?? this.chat;
    return chat.myPermissions.includes('write') && !state.rooms[chat.roomId]?.closedAt;
  }

  private placeMarker(poi: Poi): void {
    let marker = this.markers.get(poi.id);
    if (!marker) {
      const element = document.createElement('button');
      element.type = 'button';
      element.className = 'poi-marker';
      element.innerHTML = '<svg width="30" height="38" viewBox="0 0 30 38" aria-hidden="true"><path d="M15 37S2 22.5 2 14a13 13 0 0 1 26 0c0 8.5-13 23-13 23z" fill="#c2410c" stroke="#fff" stroke-width="2"/><circle cx="15" cy="14" r="5" fill="#fff"/></svg>';
      marker = new Marker({ element, anchor: 'bottom', draggable: this.writable() });
      marker.on('dragstart', () => {
        const held = this.all.get(poi.id);
        this.dragging = held ? { id: held.id, version: held.version } : undefined;
      });
      marker.on('dragend', () => { this.dragEndedAt = performance.now(); void this.moved(poi.id, marker!); });
      element.addEventListener('click', (e) => {
        e.stopPropagation();
        // The mouse-up that ends a drag is no click on the POI.
        if (performance.now() - this.dragEndedAt > 300) this.open(poi.id);
      });
      this.markers.set(poi.id, marker);
      marker.setLngLat([poi.lon, poi.lat]).addTo(this.map);
    }
    const element = marker.getElement();
    element.setAttribute('aria-label', `${t().map.poi}: ${poi.name}`);
    element.title = poi.name;
    element.dataset.poi = poi.id;
    if (this.dragging?.id !== poi.id) marker.setLngLat([poi.lon, poi.lat]);
  }

  /** A drag ends: the move is sent with the version the drag started from; a newer one on the server is a conflict. */
  private async moved(id: string, marker: Marker): Promise<void> {
    const started = this.dragging;
    this.dragging = undefined;
    if (!started || started.id !== id) return;
    const at = marker.getLngLat();
    try {
      const moved = await mapApi.movePoi(this.chatId, id, at.lat, at.lng, started.version);
      this.upsert(poiOf(moved), true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) notify(errorText(e, t().map.poiConflict));
      else notify(errorText(e));
      await this.load();
      const held = this.all.get(id);
      if (held) marker.setLngLat([held.lon, held.lat]);
    }
  }

  open(id: string): void {
    const poi = this.all.get(id);
    const marker = this.markers.get(id);
    if (!poi || !marker) return;
    const text = t().map;
    const box = document.createElement('div');
    box.className = 'map-popup';
    const title = document.createElement('h3');
    title.textContent = poi.name;
    box.append(title);
    if (poi.category && poi.category !== 'generic') box.append(paragraph(poi.category, 'popup-sub'));
    if (poi.description) box.append(paragraph(poi.description));
    const popup = new Popup({ offset: 36, maxWidth: '280px' }).setLngLat([poi.lon, poi.lat]).setDOMContent(box);
    if (this.writable()) {
      const actions = document.createElement('div');
      actions.className = 'popup-actions';
      actions.append(
        button(text.sharePoi, 'primary small', () => void this.sharePoi(poi).then(() => popup.remove())),
        button(text.deletePoi, 'small danger-link', () => {
          if (!confirm(text.deletePoiConfirm)) return;
          void mapApi.deletePoi(this.chatId, poi.id).then(() => { this.drop(poi.id); popup.remove(); })
            .catch((e: unknown) => notify(errorText(e)));
        }),
      );
      box.append(actions);
    }
    this.showPopup(popup);
  }

  private async sharePoi(poi: Poi): Promise<void> {
    try {
      await api.send(this.chatId, { clientId: newClientId(), kind: 'poi', poiId: poi.id, body: poi.name });
      notify(undefined);
    } catch (e) {
      notify(errorText(e));
    }
  }

  /** Right click (or a long press on a touch screen) asks for a POI there. */
  askToAdd(e: MapMouseEvent | MapTouchEvent): void {
    if (!this.writable() || !this.enabled) return;
    e.preventDefault();
    this.addAt = { lat: e.lngLat.lat, lon: e.lngLat.lng };
    this.changed();
  }

  private longPressToAdd(): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cancel = () => { if (timer) clearTimeout(timer); timer = undefined; };
    this.map.on('touchstart', (e) => {
      cancel();
      if (e.originalEvent.touches.length !== 1) return;
      timer = setTimeout(() => { timer = undefined; this.askToAdd(e); }, 650);
    });
    this.map.on('touchmove', cancel);
    this.map.on('touchend', cancel);
    this.map.on('touchcancel', cancel);
  }

  async add(clientId: string, name: string, category: string, description: string): Promise<boolean> {
    const at = this.addAt;
    if (!at) return false;
    try {
      const created = await mapApi.addPoi(this.chatId, {
        clientId, name, lat: at.lat, lon: at.lon, category: category || undefined, description: description || undefined,
      });
      this.upsert(poiOf(created), true);
      this.addAt = undefined;
      this.changed();
      return true;
    } catch (e) {
      notify(errorText(e));
      return false;
    }
  }

  cancelAdd(): void {
    this.addAt = undefined;
    this.changed();
  }
}

function poiOf(f: PoiFeature): Poi {
  return { id: f.id, name: f.properties.name, description: f.properties.description, category: f.properties.category,
    lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], version: f.properties.version };
}

function paragraph(content: string, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = content;
  if (className) p.className = className;
  return p;
}

function button(label: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}
