import '@xyflow/react/dist/style.css';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import ImageOutlined from '@mui/icons-material/ImageOutlined';
import PolylineOutlined from '@mui/icons-material/PolylineOutlined';
import { ReactFlow, type NodeChange, type Viewport as FlowViewport } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import type { HostMarks } from '../../../../shared/compose/marks';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import type { HostWarning } from '../../../../shared/warnings';
import { ConnectionList } from './ConnectionList';
import { edgeLabelSpots } from './edge-labels';
import { downloadPng, downloadSvg, svgSize } from './export-picture';
import { layoutGraph, nodeWidth } from './layout-graph';
import { TopologyDetails } from './TopologyDetails';
import { TopologyEdgePath, type TopoFlowEdge } from './TopologyEdgePath';
import { TopologyLegend } from './TopologyLegend';
import { TopologyNodeCard, type TopoFlowNode } from './TopologyNodeCard';
import { TopologyFilterBar } from './TopologyFilterBar';
import { filterGraph, noFilter, vmAttachPoints, type TopologyFilter } from './topology-filter';
import { buildTopology } from './topology-graph';
import { NODE_H } from './topology-layout';
import { topologySvg } from './topology-svg';
import { TopologyZoomBar } from './TopologyZoomBar';
import { useElementSize } from './useElementSize';
import { MAX_ZOOM, MIN_ZOOM, ZOOM_STEP, fitAll, fitWidth, overflows, zoomBy, type Viewport } from './viewport';

// Stable identities: xyflow re-mounts every node when these objects change.
const nodeTypes = { topo: TopologyNodeCard };
const edgeTypes = { route: TopologyEdgePath };
const PAD = 16;
const DETAILS_WIDTH = 280;
/** The canvas never grows past the window: a big host is panned and zoomed inside it instead. */
const MAX_CANVAS_HEIGHT = 'max(320px, calc(100vh - 220px))';

type Props = { snapshot: HostSnapshot; marks: HostMarks; warnings: HostWarning[]; hostName: string };

/**
 * The host's plumbing as a picture. Starts at full size (shrunk only to fit the width) inside a
 * canvas no taller than the window; zoom, fit and pan from there. The filter picks the VMs before
 * the layout runs, so a host with thousands of VMs lays out only what is asked for.
 */
export function TopologyView({ snapshot, marks, warnings, hostName }: Props) {
  const theme = useTheme();
  const [filter, setFilter] = useState<TopologyFilter>(noFilter);
  const full = useMemo(() => buildTopology(snapshot, marks, warnings), [snapshot, marks, warnings]);
  const attachPoints = useMemo(() => vmAttachPoints(full), [full]);
  const filtered = useMemo(() => filterGraph(full, filter), [full, filter]);
  const graph = filtered.graph;
  const layout = useMemo(() => layoutGraph(graph), [graph]);
  const labels = useMemo(() => edgeLabelSpots(graph, layout), [graph, layout]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const selected = graph.nodes.find((n) => n.id === selectedId) ?? null;
  const [boxRef, box] = useElementSize<HTMLDivElement>();

  const content = { width: layout.width, height: layout.height };
  const auto = fitWidth(content, box, PAD);
  // null: follow the box's width (the default); set once the user zooms, fits or pans.
  const [userView, setUserView] = useState<Viewport | null>(null);
  const view = userView ?? auto;
  const naturalHeight = (layout.height + PAD * 2) * auto.zoom;
  const canPan = overflows({ width: content.width + PAD * 2, height: content.height + PAD * 2 }, box, view.zoom);
  const changeFilter = (f: TopologyFilter): void => {
    setFilter(f);
    setUserView(null);
  };
  const centre = { x: box.width / 2, y: box.height / 2 };
  const onViewportChange = useCallback((v: FlowViewport) => setUserView(v), []);

  const nodes = useMemo<TopoFlowNode[]>(
    () =>
      graph.nodes.map((n) => ({
        id: n.id,
        type: 'topo',
        position: layout.positions.get(n.id) ?? { x: 0, y: 0 },
        data: { topo: n },
        width: nodeWidth(n.kind),
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
        <Button
          size="small"
          variant="outlined"
          startIcon={<PolylineOutlined />}
          onClick={() => downloadSvg(svg(), `${fileBase}.svg`)}
        >
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
      <TopologyFilterBar filter={filter} onChange={changeFilter} attachPoints={attachPoints} result={filtered} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 240 }}>
          <TopologyLegend edges={graph.edges} />
        </Box>
        <TopologyZoomBar
          zoom={view.zoom}
          onZoomIn={() => setUserView(zoomBy(view, ZOOM_STEP, centre))}
          onZoomOut={() => setUserView(zoomBy(view, 1 / ZOOM_STEP, centre))}
          onActualSize={() => setUserView(zoomBy(view, 1 / view.zoom, centre))}
          onFit={() => setUserView(fitAll(content, box, PAD))}
        />
      </Box>
      {full.nodes.length === 0 ? (
        <Typography color="text.secondary">This host shows no interfaces, networks or VMs to draw.</Typography>
      ) : (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start' }}>
          <Box
            ref={boxRef}
            data-testid="topology-canvas"
            sx={{
              flex: 1,
              minWidth: 0,
              height: naturalHeight,
              maxHeight: MAX_CANVAS_HEIGHT,
              minHeight: 160,
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              bgcolor: theme.palette.mode === 'light' ? '#fbfcfd' : 'background.default',
              '& .react-flow__node': { cursor: 'pointer' },
              '& .react-flow__node:focus-visible': {
                outline: `2px solid ${theme.palette.primary.main}`,
                outlineOffset: 3,
                borderRadius: 1.5,
              },
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
              viewport={view}
              onViewportChange={onViewportChange}
              minZoom={MIN_ZOOM}
              maxZoom={MAX_ZOOM}
              nodesDraggable={false}
              nodesConnectable={false}
              edgesFocusable={false}
              elementsSelectable
              panOnDrag
              // The wheel scrolls the page unless there is more picture to see: then it moves the picture.
              panOnScroll={canPan}
              preventScrolling={canPan}
              zoomOnScroll={false}
              zoomOnPinch
              zoomOnDoubleClick={false}
              autoPanOnNodeFocus={canPan}
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
