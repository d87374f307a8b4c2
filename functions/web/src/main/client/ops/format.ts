import { state } from '../state';

/** A time of day in the user's language (hours and minutes). */
export function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString(state.language === 'de' ? 'de-DE' : 'en-GB', { hour: '2-digit', minute: '2-digit' });
}

export function coordinates(p: { lat: number; lon: number; accuracy?: number | null }): string {
  return `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}` + (p.accuracy != null ? ` (±${Math.round(p.accuracy)} m)` : '');
}
