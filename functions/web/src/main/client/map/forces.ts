import type { BusFix, ChatMember } from '../types';
import type { ForceCollection } from './mapApi';

/** One force's latest position on the map. */
export interface Force {
  userId: string; lat: number; lon: number; accuracy?: number; heading?: number; speed?: number; recordedAt: string;
}

/** What the map draws of a force (GeoJSON properties: numbers and strings only). */
export interface ForceProps {
  id: string; label: string; age: string; stale: number; accuracy: number; heading: number; me: number;
}

/**
 * The latest positions of a chat's forces: the REST snapshot merged with the stream's `positions`
 * frames. A fix older than the one held never replaces it (a snapshot may arrive after a newer frame);
 * `gone` removes a force. Names and units come from the chat's members.
 */
export class ForceStore {
  readonly forces = new Map<string, Force>();
  private readonly names = new Map<string, { name?: string; unit?: string }>();
  version = 0;

  applySnapshot(collection: ForceCollection): void {
    const seen = new Set<string>();
    for (const f of collection.features) {
      const p = f.properties;
      seen.add(p.userId);
      if (p.name) this.names.set(p.userId, { name: p.name, unit: p.unit });
      this.put({ userId: p.userId, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], accuracy: p.accuracy,
        heading: p.heading, speed: p.speed, recordedAt: p.recordedAt });
    }
    this.version++;
  }

  applyFrame(fixes: BusFix[] | undefined, gone: string[] | undefined): void {
    for (const fix of fixes ?? []) {
      this.put({ userId: fix.u, lat: fix.lat, lon: fix.lon, accuracy: fix.acc, heading: fix.hdg, speed: fix.spd, recordedAt: fix.t });
    }
    for (const userId of gone ?? []) this.forces.delete(userId);
    this.version++;
  }

  /** Names from the chat's member list (also for forces that arrive on the stream before any snapshot). */
  useMembers(members: ChatMember[]): void {
    for (const m of members) this.names.set(m.userId, { name: m.displayName, unit: m.unit });
  }

  nameOf(userId: string): { name?: string; unit?: string } {
    return this.names.get(userId) ?? {};
  }

  hasName(userId: string): boolean {
    return !!this.names.get(userId)?.name;
  }

  clear(): void {
    this.forces.clear();
    this.version++;
  }

  private put(next: Force): void {
    const held = this.forces.get(next.userId);
    if (held && Date.parse(held.recordedAt) > Date.parse(next.recordedAt)) return;
    this.forces.set(next.userId, next);
  }

  /** The forces as GeoJSON for the map's source, with their age and whether they are stale at `now`. */
  toGeoJson(now: number, staleAfterSeconds: number, me: string | undefined, ageText: (seconds: number) => string): GeoJSON.FeatureCollection<GeoJSON.Point, ForceProps> {
    const features: GeoJSON.Feature<GeoJSON.Point, ForceProps>[] = [];
    for (const f of this.forces.values()) {
      const seconds = Math.max(0, Math.round((now - Date.parse(f.recordedAt)) / 1000));
      const who = this.nameOf(f.userId);
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
        properties: {
          id: f.userId,
          label: (who.name ?? '…') + (who.unit ? ` · ${who.unit}` : ''),
          age: ageText(seconds),
          stale: seconds > staleAfterSeconds ? 1 : 0,
          accuracy: f.accuracy ?? 0,
          heading: f.heading ?? -1,
          me: f.userId === me ? 1 : 0,
        },
      });
    }
    return { type: 'FeatureCollection', features };
  }
}
