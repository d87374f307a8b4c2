/** The runtime configuration the web function serves (/config.json); the service worker keeps a copy for offline starts. */
export interface RuntimeConfig {
  chatUrl: string; mediaUrl: string; positionsUrl: string; layersUrl: string; pushUrl: string; oidcIssuer: string; oidcClientId: string;
  map: MapConfig;
}

/** The map's settings (durations in seconds). */
export interface MapConfig {
  styleUrl: string; shareIntervalSeconds: number; shareDistanceMetres: number; shareStillIntervalSeconds: number; staleAfterSeconds: number;
}

let loaded: RuntimeConfig | undefined;

export async function loadConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  loaded = (await response.json()) as RuntimeConfig;
  return loaded;
}

export function config(): RuntimeConfig {
  if (!loaded) throw new Error('configuration not loaded');
  return loaded;
}
