import { describe, expect, it } from 'vitest';
import { MAX_ZOOM, MIN_ZOOM, fitAll, fitWidth, overflows, zoomBy } from './viewport';

describe('viewport', () => {
  it('starts at full size, or shrunk to the width, top-left in view', () => {
    expect(fitWidth({ width: 800, height: 3000 }, { width: 1000, height: 500 }, 16)).toEqual({ x: 16, y: 16, zoom: 1 });
    expect(fitWidth({ width: 1968, height: 300 }, { width: 1000, height: 500 }, 16)).toEqual({ x: 8, y: 8, zoom: 0.5 });
  });

  it('fits all of a tall picture, centred, but never enlarges a small one', () => {
    const v = fitAll({ width: 1000, height: 4000 }, { width: 1000, height: 500 }, 0);
    expect(v.zoom).toBe(0.125);
    expect(v).toEqual({ x: (1000 - 125) / 2, y: 0, zoom: 0.125 });
    expect(fitAll({ width: 100, height: 100 }, { width: 1000, height: 500 }, 0)).toEqual({ x: 450, y: 200, zoom: 1 });
  });

  it('zooms around a point, within limits', () => {
    const v = zoomBy({ x: 0, y: 0, zoom: 1 }, 2, { x: 100, y: 50 });
    expect(v).toEqual({ x: -100, y: -50, zoom: 2 });
    expect(zoomBy(v, 10, { x: 0, y: 0 }).zoom).toBe(MAX_ZOOM);
    expect(zoomBy(v, 0.0001, { x: 0, y: 0 }).zoom).toBe(MIN_ZOOM);
  });

  it('knows when there is something to pan to', () => {
    expect(overflows({ width: 100, height: 900 }, { width: 500, height: 500 }, 1)).toBe(true);
    expect(overflows({ width: 100, height: 900 }, { width: 500, height: 500 }, 0.5)).toBe(false);
  });
});
