import type { FeatureCollection, LineString, Point } from 'geojson';
import {
  AttributionControl, GeoJSONSource, LngLatBounds, Map as MapLibre, Marker, NavigationControl, Popup, ScaleControl,
  setWorkerUrl, type MapMouseEvent,
} from 'maplibre-gl';
import { ApiError } from '../api';
import { accessToken } from '../auth';
import { config } from '../config';
import { t } from '../i18n';
import { notify, state } from '../state';
import { onStreamEvent, watchPositions } from '../stream';
import type { Chat, MapFocus, PositionsFrame, ServerFrame } from '../types';
import { ForceStore, type ForceProps } from './forces';
import { addDataLayer, dataLayerIds, removeDataLayer } from './dataLayers';
import { mapApi, type Layer, type PoiEventPayload, type UnitStatusChangedPayload } from './mapApi';
import { PoiMarkers } from './PoiMarkers';
import { addForceLayers, FORCE_DOTS, FORCE_LAYERS, metresPerPixelAtZoom0 } from './forceLayers';

/** What the panel around the map shows. */
export interface MapStatus {
  phase: 'loading' | 'ready' | 'unavailable' | 'no-webgl';
  frozen: boolean;
  watching: boolean;
  layers: Layer[];
  shownLayers: Set<string>;
  trackOf?: string;
}

const GERMANY = new LngLatBounds([5.87, 47.27], [15.04, 55.06]);
const AGE_TICK_MS = 5_000;

setWorkerUrl(new URL('/maplibre/maplibre-gl-worker.js', window.location.origin).href);

/**
 * One chat's map: the forces (one GeoJSON source drawn by circle and symbol layers, so hundreds of
 * moving forces cost one upload per frame, not hundreds of DOM nodes), the POIs (draggable DOM
 * markers: few, and each must be reachable by keyboard), the data layers (vector tiles) and a
 * member's track. Follows the stream: `positions` frames for forces, POI events for POIs.
 */
export class ChatMap {
  readonly map: MapLibre;
  readonly forces = new ForceStore();
  readonly pois: PoiMarkers;
  readonly status: MapStatus = { phase: 'loading', frozen: false, watching: false, layers: [], shownLayers: new Set() };
  private readonly cleanups: (() => void)[] = [];
  private focusMarker?: Marker;
  private popup?: Popup;
  private drawScheduled = false;
  private agesDue = false;
  private listShown = -1;
  private loaded = false;
  private firstView = true;
  /** The first view is set (all forces, or the place asked for): what the user does from now on stays. */
  settled = false;
  private pendingFocus?: MapFocus;
  private snapshotTimer?: ReturnType<typeof setTimeout>;

  constructor(container: HTMLElement, readonly chat: Chat, private readonly changed: () => void) {
    const styleUrl = new URL(config().map.styleUrl, window.location.origin).href;
    this.map = new MapLibre({
      container,
      style: styleUrl,
      bounds: GERMANY,
      // Labels appear at once: a fade would repaint the whole map for 300 ms after every update of the forces.
      fadeDuration: 0,
      attributionControl: false,
      transformRequest: (url) => (this.isOurs(url) ? { url, headers: { Authorization: 'Bearer ' + (accessToken() ?? '') } } : { url }),
    });
    this.map.addControl(new AttributionControl({ compact: false, customAttribution: 'Lagebild' }), 'bottom-right');
    this.map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('load', () => this.onLoad());
    this.pois = new PoiMarkers(this.map, chat, changed, (popup: Popup) => this.showPopup(popup), () => {
      if (this.pendingFocus?.poiId && this.loaded) this.focus(this.pendingFocus);
    });
    this.cleanups.push(onStreamEvent((e) => {
      if (e.chatId === this.chat.id && e.event.startsWith('poi.')) this.pois.applyEvent(e.event, e.payload as unknown as PoiEventPayload);
      if (e.roomId === this.chat.roomId && e.event === 'unit.status_changed') {
        const change = e.payload as unknown as UnitStatusChangedPayload;
        this.forces.setStatus(change.userId, change.status, change.setAt);
        this.draw();
      }
    }));
    const ages = setInterval(() => this.draw(true), AGE_TICK_MS);
    this.cleanups.push(() => clearInterval(ages));
  }

  private isOurs(url: string): boolean {
    const c = config();
    return url.startsWith(c.layersUrl + '/') || url.startsWith(c.positionsUrl + '/');
  }

  /** First the access check (the chat's positions), then the map's own layers, the POIs, the stream. */
  async start(): Promise<void> {
    try {
      const snapshot = await mapApi.forces(this.chat.id);
      this.forces.applySnapshot(snapshot);
      this.status.frozen = !!snapshot.frozen;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 403 || e.status === 404)) {
        this.status.phase = 'unavailable';
        this.changed();
        return;
      }
    }
    this.forces.useMembers(state.chatMembers[this.chat.id] ?? []);
    if (!this.status.frozen) this.cleanups.push(watchPositions(this.chat.id, (frame) => this.onFrame(frame)));
    void this.pois.load();
    this.pois.enabled = true;
    void mapApi.layers().then((layers) => { this.status.layers = layers; this.changed(); }).catch(() => undefined);
    this.status.phase = 'ready';
    this.changed();
    this.draw();
  }

  private onLoad(): void {
    addForceLayers(this.map);
    this.map.addSource('track', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    this.map.addLayer({
      id: 'track-line', type: 'line', source: 'track',
      paint: { 'line-color': '#c2410c', 'line-width': 4, 'line-dasharray': [2, 1] },
      layout: { 'line-cap': 'round', 'line-join': 'round' },
    }, FORCE_LAYERS[0]);
    this.map.on('click', (e) => this.showFeaturePopup(e));
    this.map.on('mouseenter', FORCE_DOTS, () => { this.map.getCanvas().style.cursor = 'pointer'; });
    this.map.on('mouseleave', FORCE_DOTS, () => { this.map.getCanvas().style.cursor = ''; });
    this.loaded = true;
    this.draw();
    this.pois.placeAll();
    if (this.pendingFocus) this.focus(this.pendingFocus);
    else void this.firstFit();
  }

  private async firstFit(): Promise<void> {
    // A drag or zoom before the extent arrives wins over it.
    const moved = () => { this.firstView = false; };
    this.map.once('dragstart', moved);
    this.map.once('zoomstart', moved);
    try {
      const extent = await mapApi.extent(this.chat.id);
      if (this.firstView && extent.bbox) {
        const [w, s, e, n] = extent.bbox;
        this.map.fitBounds([[w, s], [e, n]], { padding: 48, maxZoom: 17, duration: 0 });
      }
    } catch { /* the view of Germany stays */ }
    this.firstView = false;
    this.settled = true;
    this.changed();
  }

  destroy(): void {
    this.cleanups.forEach((c) => c());
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.map.remove();
  }

  // ---- forces ----

  private onFrame(frame: ServerFrame): void {
    if (frame.type === 'watching' && frame.chatId === this.chat.id) {
      this.status.watching = true;
      // What moved before the watch began: one snapshot after it (a newer frame is never replaced).
      void mapApi.forces(this.chat.id).then((s) => { this.forces.applySnapshot(s); this.draw(); }).catch(() => undefined);
      this.changed();
    } else if (frame.type === 'unwatched' && frame.chatId === this.chat.id) {
      this.status.watching = false;
      if (frame.reason === 'access_lost') { this.status.phase = 'unavailable'; this.forces.clear(); }
      this.changed();
    } else if (frame.type === 'positions' && frame.chatId === this.chat.id) {
      this.applyPositions(frame.fixes, frame.gone, frame.statuses);
    }
  }

  /** A `positions` frame's content (also what the budget benchmark feeds in). */
  applyPositions(fixes: Parameters<ForceStore['applyFrame']>[0], gone: string[] | undefined, statuses?: PositionsFrame['statuses']): void {
    this.forces.applyFrame(fixes, gone, statuses);
    if (fixes?.some((f) => !this.forces.hasName(f.u))) this.refreshNamesSoon();
    this.draw();
  }

  private refreshNamesSoon(): void {
    if (this.snapshotTimer) return;
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined;
      void mapApi.forces(this.chat.id).then((s) => { this.forces.applySnapshot(s); this.draw(); }).catch(() => undefined);
    }, 1_000);
  }

  /**
   * Redraws the forces at the next frame, at most once per frame however many fixes arrived. The panel
   * around the map (count, list, legend) renders again only when its content changed or `ages` is set
   * (the ages tick): a move alone is the map's business.
   */
  draw(ages = false): void {
    if (ages) this.agesDue = true;
    if (this.drawScheduled) return;
    this.drawScheduled = true;
    requestAnimationFrame(() => {
      this.drawScheduled = false;
      const source = this.loaded ? this.map.getSource<GeoJSONSource>('forces') : undefined;
      if (source) void source.setData(this.forceData());
      if (this.agesDue || this.forces.listVersion !== this.listShown) {
        this.agesDue = false;
        this.listShown = this.forces.listVersion;
        this.changed();
      }
    });
  }

  forceData(): FeatureCollection<Point, ForceProps & { acc0: number }> {
    const data = this.forces.toGeoJson(Date.now(), config().map.staleAfterSeconds, state.me?.id, (s) => t().map.age(s));
    return {
      type: 'FeatureCollection',
      features: data.features.map((f) => ({ ...f, properties: { ...f.properties, acc0: f.properties.accuracy / metresPerPixelAtZoom0(f.geometry.coordinates[1]) } })),
    };
  }

  /** "Alle Kräfte": the extent of every force (from the positions function) fills the view. */
  async fitAll(animate = true): Promise<boolean> {
    try {
      const extent = await mapApi.extent(this.chat.id);
      if (!extent.bbox) return false;
      const [w, s, e, n] = extent.bbox;
      this.map.fitBounds([[w, s], [e, n]], { padding: 48, maxZoom: 17, duration: animate ? 400 : 0 });
      return true;
    } catch {
      return false;
    }
  }

  zoomTo(userId: string): void {
    const f = this.forces.forces.get(userId);
    if (f) this.map.flyTo({ center: [f.lon, f.lat], zoom: Math.max(this.map.getZoom(), 16) });
  }

  // ---- a member's track (managers) ----

  async showTrack(userId: string, minutes: number): Promise<void> {
    const to = new Date();
    const from = new Date(to.getTime() - minutes * 60_000);
    const track = await mapApi.track(this.chat.id, userId, from, to);
    const line = track.geometry as LineString | null;
    this.map.getSource<GeoJSONSource>('track')?.setData({ type: 'FeatureCollection', features: line ? [{ type: 'Feature', geometry: line, properties: {} }] : [] });
    this.status.trackOf = userId;
    this.changed();
    if (!line) { notify(t().map.trackEmpty); return; }
    const bounds = new LngLatBounds();
    line.coordinates.forEach((c) => bounds.extend([c[0], c[1]]));
    this.map.fitBounds(bounds, { padding: 60, maxZoom: 17 });
  }

  hideTrack(): void {
    this.map.getSource<GeoJSONSource>('track')?.setData({ type: 'FeatureCollection', features: [] });
    this.status.trackOf = undefined;
    this.changed();
  }

  // ---- POIs ----

  /** One popup at a time. */
  private showPopup(popup: Popup): void {
    this.popup?.remove();
    this.popup = popup;
    popup.on('close', () => { if (this.popup === popup) this.popup = undefined; });
    popup.addTo(this.map);
  }


  // ---- focus from a message ----

  focus(focus: MapFocus): void {
    if (!this.loaded) { this.pendingFocus = focus; return; }
    this.firstView = false;
    this.settled = true;
    if (focus.poiId) {
      const poi = this.pois.get(focus.poiId);
      if (!poi) { this.pendingFocus = focus; return; }
      this.pendingFocus = undefined;
      this.map.jumpTo({ center: [poi.lon, poi.lat], zoom: 16 });
      this.pois.open(poi.id);
      return;
    }
    this.pendingFocus = undefined;
    if (focus.lat === undefined || focus.lon === undefined) return;
    this.focusMarker?.remove();
    const element = document.createElement('div');
    element.className = 'focus-marker';
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', focus.label ?? t().locationMessage);
    this.focusMarker = new Marker({ element }).setLngLat([focus.lon, focus.lat]).addTo(this.map);
    this.map.jumpTo({ center: [focus.lon, focus.lat], zoom: 16 });
  }

  // ---- data layers ----

  toggleLayer(layer: Layer, on: boolean): void {
    if (on) {
      addDataLayer(this.map, layer, config().layersUrl, this.status.layers.indexOf(layer), FORCE_LAYERS[0]);
      this.status.shownLayers.add(layer.id);
    } else {
      removeDataLayer(this.map, layer.id);
      this.status.shownLayers.delete(layer.id);
    }
    this.changed();
  }

  /** A click on a data layer's feature shows its properties; on a force, who it is. */
  private showFeaturePopup(e: MapMouseEvent): void {
    const layerIds = [...this.status.shownLayers].flatMap(dataLayerIds).filter((id) => this.map.getLayer(id));
    const hits = this.map.queryRenderedFeatures(e.point, { layers: [FORCE_DOTS, ...layerIds] });
    const hit = hits[0];
    if (!hit) return;
    const box = document.createElement('div');
    box.className = 'map-popup';
    if (hit.layer.id === FORCE_DOTS) {
      const p = hit.properties as ForceProps;
      const title = document.createElement('h3');
      title.textContent = p.label;
      const status = this.forces.statusOf(p.id);
      if (status) box.append(title, paragraph(`${t().map.status} ${status.code}: ${status.label}`, status.urgent ? 'popup-status urgent' : 'popup-status'));
      else box.append(title);
      box.append(paragraph(`${p.age}${p.accuracy ? ` · ±${Math.round(p.accuracy)} m` : ''}${p.stale ? ` · ${t().map.stale}` : ''}`, 'popup-sub'));
    } else {
      const layer = this.status.layers.find((l) => hit.layer.id.startsWith(`data-${l.id}-`));
      const title = document.createElement('h3');
      title.textContent = layer?.name ?? t().map.feature;
      const table = document.createElement('table');
      table.className = 'properties';
      for (const [key, value] of Object.entries(hit.properties)) {
        const row = table.insertRow();
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = key;
        row.append(th);
        row.insertCell().textContent = String(value);
      }
      box.append(title, table);
    }
    this.showPopup(new Popup({ maxWidth: '320px' }).setLngLat(e.lngLat).setDOMContent(box));
  }

  // ---- for the browser tests and the benchmark ----

  /** Ids of the forces drawn in the current view. */
  renderedForces(): { id: string; label: string; stale: number; status: string; urgent: number; colour: string }[] {
    return this.map.queryRenderedFeatures({ layers: [FORCE_DOTS] }).map((f) => f.properties as ForceProps);
  }

  poiVersion(id: string): number | undefined {
    return this.pois.version(id);
  }

  allForcesInView(): boolean {
    const bounds = this.map.getBounds();
    return [...this.forces.forces.values()].every((f) => bounds.contains([f.lon, f.lat]));
  }
}

function paragraph(content: string, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = content;
  if (className) p.className = className;
  return p;
}
