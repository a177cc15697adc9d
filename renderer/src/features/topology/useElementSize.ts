import { useLayoutEffect, useRef, useState } from 'react';
import type { Size } from './viewport';

/** The element's content box, kept up to date by a ResizeObserver (attaches when the element appears). */
export function useElementSize<T extends HTMLElement>(): [(el: T | null) => void, Size] {
  const [el, setEl] = useState<T | null>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const last = useRef(size);
  useLayoutEffect(() => {
    if (!el) return;
    const set = (width: number, height: number): void => {
      if (width === last.current.width && height === last.current.height) return;
      last.current = { width, height };
      setSize(last.current);
    };
    set(el.clientWidth, el.clientHeight);
    const ro = new ResizeObserver(([entry]) => entry && set(entry.contentRect.width, entry.contentRect.height));
    ro.observe(el);
    return () => ro.disconnect();
  }, [el]);
  return [setEl, size];
}
