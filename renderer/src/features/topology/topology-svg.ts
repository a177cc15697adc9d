import { worstSeverity } from '../../../../shared/warnings';
import { dhcpText, edgeStyles, labelLines, nodeAccents, severityColors } from './edge-styles';
import { edgeLabelSpots } from './edge-labels';
import { nodeWidth } from './layout-graph';
import { fitDetail, fitText } from './node-text';
import { NODE_H, routePath, type Layout } from './topology-layout';
import type { TopoEdgeKind, TopoGraph, TopoNodeKind } from './topology-types';

const PAD = 24;
const TITLE_H = 28;
const LEGEND_ROW = 20;
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Characters that fit at about 7px each (bold names) or 6px (details), after the dot and padding. */
const nameChars = (width: number, badge: boolean): number => Math.floor((width - 34) / 7.4) - (badge ? 8 : 0);
const detailChars = (width: number): number => Math.floor((width - 34) / 6);

const kindWords: Record<TopoNodeKind, string> = {
  interface: 'host NIC, bond or VLAN',
  bridge: 'bridge',
  network: 'libvirt network',
  vm: 'VM',
};

function legend(kinds: TopoEdgeKind[], y: number): string[] {
  const out: string[] = [];
  let x = 0;
  for (const [kind, word] of Object.entries(kindWords) as [TopoNodeKind, string][]) {
    out.push(
      `<rect x="${x}" y="${y - 10}" width="5" height="14" rx="2" fill="${nodeAccents[kind]}"/>`,
      `<text x="${x + 10}" y="${y + 1}" font-size="11" fill="#546e7a">${esc(word)}</text>`,
    );
    x += 20 + word.length * 6.2;
  }
  x = 0;
  for (const kind of kinds) {
    const s = edgeStyles[kind];
    out.push(
      `<line x1="${x}" y1="${y + LEGEND_ROW - 3}" x2="${x + 26}" y2="${y + LEGEND_ROW - 3}" stroke="${s.color}" stroke-width="${s.width + 0.5}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      `<text x="${x + 32}" y="${y + LEGEND_ROW + 1}" font-size="11" fill="#546e7a">${esc(s.legend)}</text>`,
    );
    x += 44 + s.legend.length * 6.2;
  }
  return out;
}

/**
 * The picture as a standalone SVG document, drawn from the same layout as the screen. Built from
 * data rather than captured from the DOM: it needs no fonts or styles from the page, looks the
 * same in any viewer, keeps its text selectable, and explains itself with a legend.
 */
export function topologySvg(graph: TopoGraph, layout: Layout, title: string): string {
  const kinds = [...new Set(graph.edges.map((e) => e.kind))];
  const spots = edgeLabelSpots(graph, layout);
  // In the outer group's coordinates: title, then the picture, then two legend rows.
  const legendY = TITLE_H + layout.height + 32;
  const w = Math.max(layout.width, 640) + PAD * 2;
  const h = PAD + legendY + LEGEND_ROW * 2 + PAD;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${FONT}">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g transform="translate(${PAD} ${PAD})">`,
    `<text x="0" y="4" font-size="15" font-weight="600" fill="#263238">${esc(title)}</text>`,
    `<g transform="translate(0 ${TITLE_H})">`,
  );
  for (const e of graph.edges) {
    const route = layout.routes.get(e.id);
    if (!route) continue;
    const s = edgeStyles[e.kind];
    const d = routePath(route);
    out.push(
      `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}><title>${esc(e.text)}</title></path>`,
    );
  }
  // Labels after all lines, so no line is drawn over one.
  for (const e of graph.edges) {
    const label = spots.get(e.id);
    const s = edgeStyles[e.kind];
    if (label) {
      const lines = labelLines(label.text);
      const lw = Math.max(...lines.map((l) => l.length)) * 6.4 + 10;
      const lh = lines.length * 13 + 5;
      out.push(
        `<rect x="${label.x - lw / 2}" y="${label.y - lh / 2}" width="${lw}" height="${lh}" rx="4" fill="#ffffff" stroke="${s.color}"/>`,
      );
      lines.forEach((l, i) =>
        out.push(
          `<text x="${label.x}" y="${label.y - lh / 2 + 14 + i * 13}" font-size="11" font-weight="700" text-anchor="middle" fill="${s.color}">${esc(l)}</text>`,
        ),
      );
    }
  }
  for (const n of graph.nodes) {
    const p = layout.positions.get(n.id);
    if (!p) continue;
    const worst = worstSeverity(n.warnings);
    const live = n.status === 'up' || n.status === 'running';
    const nw = nodeWidth(n.kind);
    out.push(
      `<g transform="translate(${p.x} ${p.y})"><title>${esc(n.label)}</title>`,
      `<rect width="${nw}" height="${NODE_H}" rx="6" fill="#ffffff" stroke="${worst ? severityColors[worst] : '#b0bec5'}" stroke-width="${worst ? 2 : 1}"/>`,
      `<rect width="5" height="${NODE_H}" rx="2" fill="${nodeAccents[n.kind]}"/>`,
      `<circle cx="17" cy="19" r="4" fill="${live ? '#2e7d32' : n.status === 'paused' ? '#ed6c02' : '#9e9e9e'}"/>`,
      `<text x="28" y="23" font-size="13" font-weight="700" fill="#263238">${esc(fitText(n.name, nameChars(nw, !!n.dhcp)))}</text>`,
      `<text x="28" y="41" font-size="11" fill="#546e7a">${esc(fitDetail(n, detailChars(nw)))}</text>`,
    );
    if (n.dhcp) {
      const t = dhcpText[n.dhcp];
      const color = n.dhcp === 'none' ? '#757575' : n.dhcp === 'both' ? severityColors.error : '#1e88e5';
      const bw = t.length * 6 + 10;
      out.push(
        `<rect x="${nw - bw - 7}" y="10" width="${bw}" height="16" rx="8" fill="none" stroke="${color}"/>`,
        `<text x="${nw - bw / 2 - 7}" y="22" font-size="10" font-weight="700" text-anchor="middle" fill="${color}">${esc(t)}</text>`,
      );
    }
    if (worst) {
      out.push(
        `<g><title>${esc(n.warnings.map((w) => w.message).join('\n'))}</title>`,
        `<path d="M ${nw - 1} -9 l 9 15 h -18 z" fill="${severityColors[worst]}"/>`,
        `<text x="${nw - 1}" y="4" font-size="10" font-weight="700" text-anchor="middle" fill="#ffffff">!</text></g>`,
      );
    }
    out.push('</g>');
  }
  out.push('</g>', ...legend(kinds, legendY), '</g></svg>');
  return out.join('\n');
}
