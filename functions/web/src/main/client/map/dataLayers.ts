import type { Map as MapLibre } from 'maplibre-gl';
import type { Layer } from './mapApi';

/** Colours of the data layers, one per layer in catalogue order; their points are rings, so they are not taken for forces. */
const PALETTE = ['#7c3aed', '#0f766e', '#b91c1c', '#a16207', '#be185d', '#1d4ed8', '#4d7c0f', '#6b21a8'];

const KINDS = ['fill', 'outline', 'line', 'point'] as const;

export function dataLayerIds(layerId: string): string[] {
  return KINDS.map((kind) => `data-${layerId}-${kind}`);
}

/** A layer's vector tiles with a style per geometry type: areas filled and outlined, lines, points as circles. */
export function addDataLayer(map: MapLibre, layer: Layer, layersUrl: string, index: number, below: string): void {
  const source = `data-${layer.id}`;
  if (map.getSource(source)) return;
  const colour = PALETTE[Math.max(0, index) % PALETTE.length];
  map.addSource(source, {
    type: 'vector',
    tiles: [`${layersUrl}/v1/layers/${encodeURIComponent(layer.id)}/tiles/{z}/{x}/{y}.mvt`],
    minzoom: 0,
    maxzoom: 16,
    attribution: layer.attribution ?? undefined,
  });
  const [fill, outline, line, point] = dataLayerIds(layer.id);
  const polygon = ['==', ['geometry-type'], 'Polygon'] as ['==', ['geometry-type'], 'Polygon'];
  map.addLayer({ id: fill, type: 'fill', source, 'source-layer': layer.id, filter: polygon, paint: { 'fill-color': colour, 'fill-opacity': 0.22 } }, below);
  map.addLayer({ id: outline, type: 'line', source, 'source-layer': layer.id, filter: polygon, paint: { 'line-color': colour, 'line-width': 1.5 } }, below);
  map.addLayer({
    id: line, type: 'line', source, 'source-layer': layer.id, filter: ['==', ['geometry-type'], 'LineString'],
    paint: { 'line-color': colour, 'line-width': 3 }, layout: { 'line-cap': 'round', 'line-join': 'round' },
  }, below);
  map.addLayer({
    id: point, type: 'circle', source, 'source-layer': layer.id, filter: ['==', ['geometry-type'], 'Point'],
    // Rings, not dots: the forces are the filled dots.
    paint: { 'circle-radius': 6, 'circle-color': '#ffffff', 'circle-stroke-color': colour, 'circle-stroke-width': 3 },
  }, below);
}

export function removeDataLayer(map: MapLibre, layerId: string): void {
  for (const id of dataLayerIds(layerId)) if (map.getLayer(id)) map.removeLayer(id);
  if (map.getSource(`data-${layerId}`)) map.removeSource(`data-${layerId}`);
}
