import Box from '@mui/material/Box';
import { BaseEdge, EdgeLabelRenderer, type Edge, type EdgeProps } from '@xyflow/react';
import { edgeStyles, labelLines } from './edge-styles';
import type { LabelSpot } from './edge-labels';
import { routePath, type Point } from './topology-layout';
import type { TopoEdge } from './topology-types';

/** `label`: set on the one edge of a bundle that carries the bundle's label. */
export type TopoFlowEdge = Edge<{ topo: TopoEdge; route: Point[]; label?: LabelSpot }, 'route'>;

/** Follows the layout's own route (through lanes) instead of xyflow's straight source-to-target curve. */
export function TopologyEdgePath({ id, data, selected }: EdgeProps<TopoFlowEdge>) {
  if (!data) return null;
  const style = edgeStyles[data.topo.kind];
  const d = routePath(data.route);
  const label = data.label;
  return (
    <>
      <BaseEdge
        id={id}
        path={d}
        style={{
          stroke: style.color,
          strokeWidth: selected ? style.width + 1.5 : style.width,
          strokeDasharray: style.dash,
        }}
      />
      {label && (
        <EdgeLabelRenderer>
          <Box
            aria-hidden
            className="nodrag nopan"
            sx={{
              position: 'absolute',
              transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)`,
              px: 0.75,
              borderRadius: 1,
              border: 1,
              borderColor: style.color,
              bgcolor: 'background.paper',
              color: style.color,
              fontSize: '0.7rem',
              fontWeight: 700,
              lineHeight: 1.35,
              py: 0.25,
              textAlign: 'center',
              // Two short lines fit between columns where one long line would cover the nodes.
              whiteSpace: 'pre-line',
              pointerEvents: 'none',
            }}
          >
            {labelLines(label.text).join('\n')}
          </Box>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
