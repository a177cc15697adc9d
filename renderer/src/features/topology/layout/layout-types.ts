export const NODE_W = 184;
export const NODE_H = 52;
/** Room for a two-line edge label ("macvtap" over "passthrough") between columns. */
export const COL_GAP = 96;
/** A lane a long edge passes through; its own height plus the gap keeps parallel lanes apart. */
export const LANE_H = 4;
/** Vertical air between two nodes (or lanes) of one column. */
export const GAP = 14;

export interface LayoutNode {
  id: string;
  group: number;
  sortKey: string;
  /** Drawn width; NODE_W unless the node needs more (VM cards). */
  width?: number;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: { id: string; source: string; target: string }[];
}

export interface Point {
  x: number;
  y: number;
}

export interface Layout {
  /** Top-left corner of each node. */
  positions: Map<string, Point>;
  /** For each edge: the points its line passes, source side first. */
  routes: Map<string, Point[]>;
  width: number;
  height: number;
  columns: number;
  /** Pairs of edge segments that cross (in the same column gap): lower is tidier. */
  crossings: number;
}

/** A node or a lane (a long edge's pass through a column) in its column. */
export interface Item {
  id: string;
  col: number;
  width: number;
  height: number;
  lane: boolean;
}

/** One column-to-next-column piece of an edge, left end first. */
export interface Segment {
  edge: string;
  a: string;
  b: string;
}
