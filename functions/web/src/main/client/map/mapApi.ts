import { call } from '../api';

/** The positions and layers functions' map endpoints (functions/positions/README.md, functions/layers/README.md). */
export interface ForceFeature {
  type: 'Feature'; id?: string; geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    userId: string; name?: string; unit?: string; accuracy?: number; heading?: number; speed?: number; recordedAt: string; stale?: boolean;
    status?: UnitStatus; statusSetAt?: string;
  };
}
/** A unit status (FMS-style) as the positions and chat functions carry it. */
export interface UnitStatus { code: string; shortLabel: string; label: string; urgent: boolean }
/** A `unit.status_changed` event's payload (the fields the map uses). */
export interface UnitStatusChangedPayload { userId: string; status: UnitStatus; setAt: string }
export interface ForceCollection { type: 'FeatureCollection'; features: ForceFeature[]; frozen?: boolean; closedAt?: string }
export interface PoiFeature {
  type: 'Feature'; id: string; geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { name: string; description?: string | null; category?: string | null; version: number; createdBy?: string };
}
export interface Extent { bbox?: [number, number, number, number]; forces: number; pois: number }
export interface TrackFeature {
  type: 'Feature'; geometry: { type: 'LineString'; coordinates: [number, number][] } | null;
  properties: { userId: string; from: string; to: string; fixes: number; positions: number };
}
export interface Layer {
  id: string; name: string; description?: string | null; category?: string | null; attribution?: string | null; featureCount: number; contentVersion: number;
}
/** A POI as the events carry it (poi.created, poi.moved, poi.deleted). */
export interface PoiEventPayload {
  id: string; chatId: string; name: string; description?: string | null; category?: string | null; lat: number; lon: number; version: number; deletedAt?: string | null;
}

const json = (body: unknown) => JSON.stringify(body);
const chat = (chatId: string) => `/v1/chats/${chatId}/map`;

export const mapApi = {
  forces: (chatId: string) => call<ForceCollection>('positions', `${chat(chatId)}/positions`),
  extent: (chatId: string) => call<Extent>('positions', `${chat(chatId)}/extent`),
  pois: (chatId: string) => call<{ type: 'FeatureCollection'; features: PoiFeature[] }>('positions', `${chat(chatId)}/pois`),
  addPoi: (chatId: string, body: { clientId: string; name: string; description?: string; category?: string; lat: number; lon: number }) =>
    call<PoiFeature>('positions', `${chat(chatId)}/pois`, { method: 'POST', body: json(body) }),
  movePoi: (chatId: string, poiId: string, lat: number, lon: number, version: number) =>
    call<PoiFeature>('positions', `${chat(chatId)}/pois/${poiId}`, { method: 'PUT', body: json({ lat, lon, version }) }, 1),
  deletePoi: (chatId: string, poiId: string) => call<void>('positions', `${chat(chatId)}/pois/${poiId}`, { method: 'DELETE' }),
  track: (chatId: string, userId: string, from: Date, to: Date) =>
    call<TrackFeature>('positions', `${chat(chatId)}/tracks/${userId}?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`),
  layers: () => call<Layer[]>('layers', '/v1/layers'),
};
