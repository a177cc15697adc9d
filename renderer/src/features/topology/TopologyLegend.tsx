import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { edgeStyles, nodeAccents, type EdgeStyle } from './edge-styles';
import { kindIcons } from './TopologyNodeCard';
import type { TopoEdge, TopoEdgeKind, TopoNodeKind } from './topology-types';

const nodeWords: [TopoNodeKind, string][] = [
  ['interface', 'host NIC, bond or VLAN'],
  ['bridge', 'bridge'],
  ['network', 'libvirt network'],
  ['vm', 'VM'],
];

/** Names the node kinds, and only the line styles the picture actually uses. */
export function TopologyLegend({ edges }: { edges: TopoEdge[] }) {
  const used = [...new Set(edges.map((e) => e.kind))];
  const lines = (Object.entries(edgeStyles) as [TopoEdgeKind, EdgeStyle][]).filter(([k]) => used.includes(k));
  return (
    <Box
      component="ul"
      aria-label="Legend"
      sx={{ m: 0, p: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', columnGap: 2.5, rowGap: 0.5 }}
    >
      {nodeWords.map(([kind, word]) => {
        const Icon = kindIcons[kind];
        return (
          <Box component="li" key={kind} sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <Box aria-hidden sx={{ width: 4, height: 14, borderRadius: 1, bgcolor: nodeAccents[kind] }} />
            <Icon aria-hidden sx={{ fontSize: 16, color: 'text.secondary' }} />
            <Typography variant="caption" color="text.secondary">
              {word}
            </Typography>
          </Box>
        );
      })}
      <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
        <Typography variant="caption" color="text.secondary">
          icon green = up or running
        </Typography>
      </Box>
      {lines.map(([kind, s]) => (
        <Box component="li" key={kind} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
          <Box component="svg" aria-hidden viewBox="0 0 28 6" sx={{ width: 28, height: 6 }}>
            <line x1="0" y1="3" x2="28" y2="3" stroke={s.color} strokeWidth={s.width + 0.5} strokeDasharray={s.dash} />
          </Box>
          <Typography variant="caption" color="text.secondary">
            {s.legend}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
