import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { VirtCapabilities } from '../../../shared/contract';

/** What the engine's start probe saw: each virt type and CPU mode pair it tried, started or not (and why). */
export function ProbeResults({ caps, hostName }: { caps: VirtCapabilities; hostName: string }) {
  if (caps.probes.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Typography variant="caption" color="text.secondary">
        Tried on {hostName} ({new Date(caps.checkedAt).toLocaleString()}):
      </Typography>
      <Box
        component="ul"
        aria-label="Start probe results"
        sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap', listStyle: 'none', m: 0, p: 0 }}
      >
        {caps.probes.map((p) => {
          const label = `${p.virtType} + ${p.cpuMode}: ${p.started ? 'started' : 'did not start'}`;
          return (
            <li key={`${p.virtType}-${p.cpuMode}`}>
              <Tooltip
                title={
                  p.started ? 'A tiny VM started with this pair and was stopped again.' : (p.error ?? 'No reason given')
                }
              >
                <Chip
                  size="small"
                  variant="outlined"
                  color={p.started ? 'success' : 'default'}
                  label={label}
                  aria-label={p.error ? `${label} — ${p.error}` : label}
                />
              </Tooltip>
            </li>
          );
        })}
      </Box>
    </Box>
  );
}
