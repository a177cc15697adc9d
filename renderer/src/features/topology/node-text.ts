import type { TopoNode } from './topology-types';

/**
 * A node's second line in two parts: what may be shortened (a VM's state), and what must stay
 * whole (its vCPUs and memory). Nodes without a size keep their detail as the first part.
 */
export function detailParts(n: TopoNode): { head: string; size?: string } {
  if (!n.size || !n.detail.endsWith(n.size)) return { head: n.detail };
  const head = n.detail.slice(0, -n.size.length).replace(/\s*·\s*$/, '');
  return { head, size: n.size };
}

/** Cuts text to `chars` characters with an ellipsis. */
export const fitText = (s: string, chars: number): string =>
  s.length <= chars ? s : `${s.slice(0, Math.max(0, chars - 1))}…`;

/** The second line cut to `chars` characters, shortening the state before ever the size. */
export function fitDetail(n: TopoNode, chars: number): string {
  const { head, size } = detailParts(n);
  if (!size) return fitText(head, chars);
  const room = chars - size.length - 3;
  return room >= 2 ? `${fitText(head, room)} · ${size}` : size;
}
