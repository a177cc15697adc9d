import '@xyflow/react/dist/style.css';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import ImageOutlined from '@mui/icons-material/ImageOutlined';
import PolylineOutlined from '@mui/icons-material/PolylineOutlined';
import { ReactFlow, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { HostMarks } from '../../../../shared/compose/marks';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import type { HostWarning } from '../../../../shared/warnings';
import { useElementWidth } from '../../components/useElementWidth';
import { ConnectionList } from './ConnectionList';
import { edgeLabelSpots } from './edge-labels';
import { downloadPng, downloadSvg, svgSize } from './export-picture';
import { layoutGraph } from './layout-graph';
import { TopologyDetails } from './TopologyDetails';
import { TopologyEdgePath, type TopoFlowEdge } from './TopologyEdgePath';
import { TopologyLegend } from './TopologyLegend';
import { TopologyNodeCard, type TopoFlowNode } from './TopologyNodeCard';
import { buildTopology } from './topology-graph';
import { NODE_H, NODE_W } from './topology-layout';
import { topologySvg } from './topology-svg';

// Stable identities: xyflow re-mounts every node when these objects change.
const nodeTypes = { topo: TopologyNodeCard };
const edgeTypes = { route: TopologyEdgePath };
const PAD = 16;
const DETAILS_WIDTH = 280;
const noop = (): void => undefined;

type Props = { snapshot: HostSnapshot; marks: HostMarks; warnings: HostWarning[]; hostName: string };

/**
 * The host's plumbing as a picture. Drawn at full size (never zoomed in, only shrunk to fit the
 * width), so a host with many VMs grows the page downwards and its names stay readable.
 */
export function TopologyView({ snapshot, marks, warnings, hostName }: Props) {
  const theme = useTheme();
  const graph = useMemo(() => buildTopology(snapshot, marks, warnings), [snapshot, marks, warnings]);
  const layout = useMemo(() => layoutGraph(graph), [graph]);
  const labels = useMemo(() => edgeLabelSpots(graph, layout), [graph, layout]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const selected = graph.nodes.find((n) => n.id === selectedId) ?? null;
  const [boxRef, width] = useElementWidth<HTMLDivElement>();

  const fullW = layout.width + PAD * 2;
  const fullH = layout.height + PAD * 2;
  const zoom = width > 0 ? Math.min(1, width / fullW) : 1;

  const nodes = useMemo<TopoFlowNode[]>(
    () =>
      graph.nodes.map((n) => ({
        id: n.id,
        type: 'topo',
        position: layout.positions.get(n.id) ?? { x: 0, y: 0 },
        data: { topo: n },
        width: NODE_W,
        height: NODE_H,
        ariaLabel: n.label,
        ariaRole: 'button',
        selected: n.id === selectedId,
        draggable: false,
        connectable: false,
      })),
    [graph, layout, selectedId],
  );
  const edges = useMemo<TopoFlowEdge[]>(
    () =>
      graph.edges.flatMap((e) => {
        const route = layout.routes.get(e.id);
        return route
          ? [
              {
                id: e.id,
                source: e.source,
                target: e.target,
                type: 'route' as const,
                data: { topo: e, route, label: labels.get(e.id) },
                ariaLabel: e.text,
                focusable: false,
                selectable: false,
              },
            ]
          : [];
      }),
    [graph, layout, labels],
  );

  // Click and keyboard (Enter/Space on a focused node) both arrive as select changes.
  const onNodesChange = useCallback((changes: NodeChange<TopoFlowNode>[]) => {
    for (const c of changes) {
      if (c.type !== 'select') continue;
      if (c.selected) setSelectedId(c.id);
      else setSelectedId((cur) => (cur === c.id ? null : cur));
    }
  }, []);

  const fileBase = `${hostName.replace(/[^\w.-]+/g, '_')}-topology`;
  const svg = (): string => topologySvg(graph, layout, `${hostName} — network topology`);
  const exportPng = async (): Promise<void> => {
    setExportError(null);
    try {
      const text = svg();
      const { width: w, height: h } = svgSize(text);
      await downloadPng(text, w, h, `${fileBase}.png`);
    } catch (err) {
      setExportError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <Typography variant="h6" component="h2">
            Network topology
          </Typography>
          <Typography variant="body2" color="text.secondary">
            Host NICs → bridges → libvirt networks → VMs. Click a node, or Tab to it and press Enter, for its details.
          </Typography>
        </Box>
        <Button size="small" variant="outlined" startIcon={<PolylineOutlined />} onClick={() => downloadSvg(svg(), `${fileBase}.svg`)}>
          Export SVG
        </Button>
        <Button size="small" variant="outlined" startIcon={<ImageOutlined />} onClick={() => void exportPng()}>
          Export PNG
        </Button>
      </Box>
      {exportError && (
        <Alert severity="error" onClose={() => setExportError(null)}>
          Could not export the picture: {exportError}
        </Alert>
      )}
      <TopologyLegend edges={graph.edges} />
      {graph.nodes.length === 0 ? (
        <Typography color="text.secondary">This host shows no interfaces, networks or VMs to draw.</Typography>
      ) : (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
          <Box
            ref={boxRef}
            data-testid="topology-canvas"
            sx={{
              flex: 1,
              minWidth: 0,
              height: fullH * zoom,
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              bgcolor: theme.palette.mode === 'light' ? '#fbfcfd' : 'background.default',
              '& .react-flow__node': { cursor: 'pointer' },
              '& .react-flow__node:focus-visible': { outline: `2px solid ${theme.palette.primary.main}`, outlineOffset: 3, borderRadius: 1.5 },
            }}
          >
            <ReactFlow
              aria-label={`Network topology of ${hostName}`}
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              colorMode={theme.palette.mode}
              viewport={{ x: PAD * zoom, y: PAD * zoom, zoom }}
              onViewportChange={noop}
              minZoom={0.05}
              maxZoom={1}
              nodesDraggable={false}
              nodesConnectable={false}
              edgesFocusable={false}
              elementsSelectable
              panOnDrag={false}
              panOnScroll={false}
              zoomOnScroll={false}
              zoomOnPinch={false}
              zoomOnDoubleClick={false}
              preventScrolling={false}
              autoPanOnNodeFocus={false}
              deleteKeyCode={null}
              selectionKeyCode={null}
              multiSelectionKeyCode={null}
              proOptions={{ hideAttribution: true }}
            />
          </Box>
          {selected && (
            <Box sx={{ width: DETAILS_WIDTH, flexShrink: 0, alignSelf: 'stretch' }}>
              <TopologyDetails node={selected} snapshot={snapshot} marks={marks} onClose={() => setSelectedId(null)} />
            </Box>
          )}
        </Box>
      )}
      <ConnectionList edges={graph.edges} />
    </Box>
  );
}
