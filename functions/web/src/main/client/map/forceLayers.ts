import type { Map as MapLibre } from 'maplibre-gl';

import { URGENT } from './forceStatus';

/** The layers that draw the forces, bottom to top: accuracy circle, heading arrow, urgent ring, dot, label. */
export const FORCE_LAYERS = ['forces-accuracy', 'forces-heading', 'forces-urgent', 'forces-dot', 'forces-label'] as const;
/** The layer a click or a test finds a force on. */
export const FORCE_DOTS = 'forces-dot';

/** Dark: the heading arrow and the ring of the own position (the dot's colour is the status'). */
const OWN_RING = '#14202b';

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
  g.fillStyle = OWN_RING;
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
  // The colour by unit status (forceStatus.ts), worked out with the feature's other properties.
  const colour = ['get', 'colour'] as unknown as string;
  const urgentFirst = ['-', 1, ['get', 'urgent']] as unknown as number;
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
  // An urgent status (FMS 0) gets a wide red ring, so it stands out among hundreds of dots.
  map.addLayer({
    id: FORCE_LAYERS[2], type: 'circle', source: 'forces', filter: ['==', ['get', 'urgent'], 1],
    paint: {
      'circle-radius': 19, 'circle-color': URGENT, 'circle-opacity': 0.18,
      'circle-stroke-color': URGENT, 'circle-stroke-width': 3,
    },
  });
  map.addLayer({
    id: FORCE_LAYERS[3], type: 'circle', source: 'forces',
    layout: { 'circle-sort-key': ['get', 'urgent'] },
    paint: {
      'circle-radius': ['case', ['==', ['get', 'urgent'], 1], 11, 8],
      'circle-color': colour,
      // The own position has a dark ring instead of a white one.
      'circle-stroke-color': ['case', ['==', ['get', 'me'], 1], OWN_RING, '#ffffff'],
      'circle-stroke-width': ['case', ['==', ['get', 'me'], 1], 3.5, 2.5],
      'circle-opacity': ['case', ['==', ['get', 'stale'], 1], 0.7, 1],
    },
  });
  map.addLayer({
    id: FORCE_LAYERS[4], type: 'symbol', source: 'forces',
    layout: {
      'symbol-sort-key': urgentFirst,
      'text-field': ['format', ['get', 'label'], {}, '\n', {}, ['get', 'detail'], { 'font-scale': 0.85 }],
      'text-font': ['sans-serif'],
      'text-size': 13,
      // Name and status each on one line.
      'text-max-width': 24,
      'text-anchor': 'top',
      'text-offset': [0, 1.1],
      'text-optional': true,
    },
    paint: {
      'text-color': ['case', ['==', ['get', 'urgent'], 1], URGENT, ['==', ['get', 'stale'], 1], '#4f5d6b', '#14202b'],
      'text-halo-color': '#ffffff',
      'text-halo-width': 1.6,
    },
  });
}
