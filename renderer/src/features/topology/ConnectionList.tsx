import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { edgeStyles } from './edge-styles';
import type { TopoEdge } from './topology-types';

/** Every link of the picture in words: readable without the picture, and findable by tests and screen readers. */
export function ConnectionList({ edges }: { edges: TopoEdge[] }) {
  const sorted = [...edges].sort((a, b) => a.text.localeCompare(b.text, undefined, { numeric: true }));
  return (
    <Box component="section" aria-labelledby="topology-connections-title">
      <Typography id="topology-connections-title" variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        Connections ({edges.length})
      </Typography>
      {edges.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Nothing is connected to anything yet.
        </Typography>
      ) : (
        <Box
          component="ul"
          aria-label="Connections"
          sx={{ m: 0, p: 0, listStyle: 'none', columnWidth: 300, columnGap: 3 }}
        >
          {sorted.map((e) => (
            <Box
              component="li"
              key={e.id}
              sx={{ display: 'flex', alignItems: 'center', gap: 1, breakInside: 'avoid', py: 0.25 }}
            >
              <Box component="svg" aria-hidden viewBox="0 0 24 6" sx={{ width: 24, height: 6, flexShrink: 0 }}>
                <line
                  x1="0"
                  y1="3"
                  x2="24"
                  y2="3"
                  stroke={edgeStyles[e.kind].color}
                  strokeWidth="2.5"
                  strokeDasharray={edgeStyles[e.kind].dash}
                />
              </Box>
              <Typography variant="body2" component="span">
                {e.text}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}
