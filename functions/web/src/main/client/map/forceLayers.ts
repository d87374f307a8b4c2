import type { Map as MapLibre } from 'maplibre-gl';

/** The layers that draw the forces, bottom to top: accuracy circle, heading arrow, dot, label. */
export const FORCE_LAYERS = ['forces-accuracy', 'forces-heading', 'forces-dot', 'forces-label'] as const;

const BLUE = '#0b4f8a';
const GREEN = '#1c6b36';
const GREY = '#7d8b99';

/** Metres per screen pixel at zoom 0 at a latitude (MapLibre's 512-pixel world). */
export function metresPerPixelAtZoom0(lat: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / 512;
}

function headingArrow(): ImageData {
  const size = 48;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d')!;
  // A wedge above the dot, pointing north; the layer rotates it to the heading.
  g.fillStyle = BLUE;
  g.strokeStyle = '#ffffff';
  g.lineWidth = 2;
  g.beginPath();
  g.moveTo(size / 2, 2);
  g.lineTo(size / 2 + 9, 17);
  g.lineTo(size / 2 - 9, 17);
  g.closePath();
  g.fill();
  g.stroke();
  return g.getImageData(0, 0, size, size);
}

export function addForceLayers(map: MapLibre): void {
  map.addImage('force-heading', headingArrow(), { pixelRatio: 2 });
  map.addSource('forces', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  const colour = ['case', ['==', ['get', 'stale'], 1], GREY, ['==', ['get', 'me'], 1], GREEN, BLUE] as unknown as string;
  map.addLayer({
    id: FORCE_LAYERS[0], type: 'circle', source: 'forces', filter: ['>', ['get', 'accuracy'], 0],
    paint: {
      // The accuracy in metres as pixels at every zoom: doubling per zoom level from the radius at zoom 0.
      'circle-radius': ['interpolate', ['exponential', 2], ['zoom'], 0, ['get', 'acc0'], 24, ['*', ['get', 'acc0'], 16_777_216]],
      'circle-color': colour,
      'circle-opacity': 0.12,
      'circle-stroke-color': colour,
      'circle-stroke-width': 1,
      'circle-stroke-opacity': 0.5,
    },
  });
  map.addLayer({
    id: FORCE_LAYERS[1], type: 'symbol', source: 'forces', filter: ['>=', ['get', 'heading'], 0],
    layout: {
      'icon-image': 'force-heading', 'icon-rotate': ['get', 'heading'], 'icon-rotation-alignment': 'map',
      'icon-allow-overlap': true, 'icon-ignore-placement': true,
    },
    paint: { 'icon-opacity': ['case', ['==', ['get', 'stale'], 1], 0.4, 1] },
  });
  map.addLayer({
    id: FORCE_LAYERS[2], type: 'circle', source: 'forces',
    paint: {
      'circle-radius': 8, 'circle-color': colour, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5,
      'circle-opacity': ['case', ['==', ['get', 'stale'], 1], 0.7, 1],
    },
  });
  map.addLayer({
    id: FORCE_LAYERS[3], type: 'symbol', source: 'forces',
    layout: {
      'text-field': ['format', ['get', 'label'], {}, '\n', {}, ['get', 'age'], { 'font-scale': 0.85 }],
      'text-font': ['sans-serif'],
      'text-size': 13,
      'text-anchor': 'top',
      'text-offset': [0, 1.1],
      'text-optional': true,
    },
    paint: {
      'text-color': ['case', ['==', ['get', 'stale'], 1], '#4f5d6b', '#14202b'],
      'text-halo-color': '#ffffff',
      'text-halo-width': 1.6,
    },
  });
}
