/** Pan and zoom of the picture: screen = content × zoom + (x, y). */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_ZOOM = 0.05;
/** Zooming in past twice the size only blurs: the cards are drawn for 100 %. */
export const MAX_ZOOM = 2;
export const ZOOM_STEP = 1.25;

const clampZoom = (z: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/** The default: full size, or shrunk until the width fits; the top-left corner in view. */
export function fitWidth(content: Size, box: Size, pad: number): Viewport {
  const zoom = box.width > 0 ? clampZoom(Math.min(1, box.width / (content.width + pad * 2))) : 1;
  return { x: pad * zoom, y: pad * zoom, zoom };
}

/** All of the picture in the box, centred; never enlarged past full size. */
export function fitAll(content: Size, box: Size, pad: number): Viewport {
  if (box.width <= 0 || box.height <= 0) return fitWidth(content, box, pad);
  const zoom = clampZoom(Math.min(1, box.width / (content.width + pad * 2), box.height / (content.height + pad * 2)));
  return { x: (box.width - content.width * zoom) / 2, y: (box.height - content.height * zoom) / 2, zoom };
}

/** Zoom by `factor`, keeping the point `at` (in screen coordinates, e.g. the box's centre) where it is. */
export function zoomBy(v: Viewport, factor: number, at: { x: number; y: number }): Viewport {
  const zoom = clampZoom(v.zoom * factor);
  const k = zoom / v.zoom;
  return { x: at.x - (at.x - v.x) * k, y: at.y - (at.y - v.y) * k, zoom };
}

/** Whether the picture at this zoom is larger than the box, so there is something to pan to. */
export const overflows = (content: Size, box: Size, zoom: number): boolean =>
  content.width * zoom > box.width + 1 || content.height * zoom > box.height + 1;
