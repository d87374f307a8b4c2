import type { UnitStatus } from './mapApi';

/**
 * The colour of a force on the map by its unit status. The default catalogue is the FMS statuses
 * (functions/chat/README.md): ready green, on a mission orange, speech request violet, not ready
 * dark; any status marked urgent (FMS 0) is red and drawn larger, above the others. Codes of a
 * deployment's own catalogue that FMS does not know get a colour of their own from a spare set.
 */
export const URGENT = '#d0021b';
export const NO_STATUS = '#0b4f8a';
export const STALE = '#7d8b99';

const FMS: Record<string, string> = {
  '1': '#1f8a3b',
  '2': '#6aa84f',
  '3': '#e69100',
  '4': '#b45309',
  '5': '#7c3aed',
  '6': '#1f2933',
  '7': '#a21caf',
  '8': '#0f766e',
  '9': '#64748b',
};
const SPARE = ['#0e7490', '#9d174d', '#4d7c0f', '#854d0e', '#3730a3'];

export function statusColour(status: UnitStatus | undefined): string {
  if (!status) return NO_STATUS;
  if (status.urgent) return URGENT;
  const fms = FMS[status.code];
  if (fms) return fms;
  let hash = 0;
  for (const c of status.code) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return SPARE[hash % SPARE.length];
}

/** One row of the map's legend. */
export interface LegendEntry { key: string; colour: string; code?: string; text: string; urgent: boolean; count: number }

/** The statuses of the forces on the map, urgent first, then by code; the forces without a status and the stale ones last. */
export function legendOf(statuses: (UnitStatus | undefined)[], staleCount: number, noStatusText: string, staleText: string): LegendEntry[] {
  const byCode = new Map<string, LegendEntry>();
  let without = 0;
  for (const s of statuses) {
    if (!s) { without++; continue; }
    const held = byCode.get(s.code);
    if (held) held.count++;
    else byCode.set(s.code, { key: 's' + s.code, colour: statusColour(s), code: s.code, text: s.shortLabel, urgent: s.urgent, count: 1 });
  }
  const entries = [...byCode.values()].sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.code!.localeCompare(b.code!, 'de', { numeric: true }));
  if (without) entries.push({ key: 'none', colour: NO_STATUS, text: noStatusText, urgent: false, count: without });
  if (staleCount) entries.push({ key: 'stale', colour: STALE, text: staleText, urgent: false, count: staleCount });
  return entries;
}
