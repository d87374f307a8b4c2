import type { BusFix, ChatMember } from '../types';
import { STALE, statusColour } from './forceStatus';
import type { ForceCollection, UnitStatus } from './mapApi';

/** One force's latest position on the map. */
export interface Force {
  userId: string; lat: number; lon: number; accuracy?: number; heading?: number; speed?: number; recordedAt: string;
}

/** What the map draws of a force (GeoJSON properties: numbers and strings only). */
export interface ForceProps {
  id: string; label: string; age: string; stale: number; accuracy: number; heading: number; me: number;
  /** The unit status' code ('' without one), the line under the name, whether it is urgent, the colour it is drawn in. */
  status: string; detail: string; urgent: number; colour: string;
}

/** A force's unit status and, when known, when it was set (a frame's status carries no time). */
interface HeldStatus { status: UnitStatus; setAt?: number }

/**
 * The latest positions of a chat's forces: the REST snapshot merged with the stream's `positions`
 * frames. A fix older than the one held never replaces it (a snapshot may arrive after a newer frame);
 * `gone` removes a force. Names and units come from the chat's members. Unit statuses come from the
 * snapshot and the room's `unit.status_changed` events (newest `setAt` wins); a frame's `statuses`,
 * which may lag behind the events, only fill in a force whose status is not known yet.
 */
export class ForceStore {
  readonly forces = new Map<string, Force>();
  private readonly names = new Map<string, { name?: string; unit?: string }>();
  private readonly statuses = new Map<string, HeldStatus>();
  version = 0;
  /** Counts the changes a list of the forces shows at once: a force added or removed, a status changed (not a move). */
  listVersion = 0;

  applySnapshot(collection: ForceCollection): void {
    const seen = new Set<string>();
    for (const f of collection.features) {
      const p = f.properties;
      seen.add(p.userId);
      if (p.name) this.names.set(p.userId, { name: p.name, unit: p.unit });
      if (p.status) this.setStatus(p.userId, p.status, p.statusSetAt);
      this.put({ userId: p.userId, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1], accuracy: p.accuracy,
        heading: p.heading, speed: p.speed, recordedAt: p.recordedAt });
    }
    this.version++;
  }

  applyFrame(fixes: BusFix[] | undefined, gone: string[] | undefined, statuses?: Record<string, UnitStatus>): void {
    for (const fix of fixes ?? []) {
      this.put({ userId: fix.u, lat: fix.lat, lon: fix.lon, accuracy: fix.acc, heading: fix.hdg, speed: fix.spd, recordedAt: fix.t });
    }
    for (const [userId, status] of Object.entries(statuses ?? {})) {
      const held = this.statuses.get(userId);
      if (held?.setAt !== undefined || held?.status.code === status.code) continue;
      this.statuses.set(userId, { status });
      this.listVersion++;
    }
    for (const userId of gone ?? []) if (this.forces.delete(userId)) this.listVersion++;
    this.version++;
  }

  /** A status from the snapshot or an event: the newest set wins. */
  setStatus(userId: string, status: UnitStatus, setAt: string | undefined): void {
    const at = setAt ? Date.parse(setAt) : undefined;
    const held = this.statuses.get(userId);
    if (held?.setAt !== undefined && (at === undefined || held.setAt > at)) return;
    this.statuses.set(userId, { status, setAt: at });
    this.version++;
    this.listVersion++;
  }

  statusOf(userId: string): UnitStatus | undefined {
    return this.statuses.get(userId)?.status;
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
    this.listVersion++;
  }

  private put(next: Force): void {
    const held = this.forces.get(next.userId);
    if (held && Date.parse(held.recordedAt) > Date.parse(next.recordedAt)) return;
    if (!held) this.listVersion++;
    this.forces.set(next.userId, next);
  }

  /** The forces as GeoJSON for the map's source, with their age and whether they are stale at `now`. */
  toGeoJson(now: number, staleAfterSeconds: number, me: string | undefined, ageText: (seconds: number) => string): GeoJSON.FeatureCollection<GeoJSON.Point, ForceProps> {
    const features: GeoJSON.Feature<GeoJSON.Point, ForceProps>[] = [];
    for (const f of this.forces.values()) {
      const seconds = Math.max(0, Math.round((now - Date.parse(f.recordedAt)) / 1000));
      const who = this.nameOf(f.userId);
      const status = this.statusOf(f.userId);
      const stale = seconds > staleAfterSeconds;
      const age = ageText(seconds);
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
        properties: {
          id: f.userId,
          label: (who.name ?? '…') + (who.unit ? ` · ${who.unit}` : ''),
          age,
          stale: stale ? 1 : 0,
          accuracy: f.accuracy ?? 0,
          heading: f.heading ?? -1,
          me: f.userId === me ? 1 : 0,
          status: status?.code ?? '',
          detail: status ? `${status.code} ${status.shortLabel} · ${age}` : age,
          urgent: status?.urgent ? 1 : 0,
          // Stale forces are grey, unless urgent: an urgent call must not fade.
          colour: stale && !status?.urgent ? STALE : statusColour(status),
        },
      });
    }
    return { type: 'FeatureCollection', features };
  }
}
