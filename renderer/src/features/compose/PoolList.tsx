import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { StoragePool } from '../../../../shared/snapshot/types';
import { formatBytes } from '../../format/units';

/** The pod's storage pools with their free space, so a pool is picked knowing whether it has room. */
export function PoolList({ pools, defaultPool }: { pools: StoragePool[]; defaultPool: string | undefined }) {
  if (pools.length === 0) {
    return (
      <Typography variant="body2" color="error">
        This host has no storage pools — define one (virsh pool-define-as) before composing a VM with disks.
      </Typography>
    );
  }
  return (
    <Box
      component="ul"
      aria-label="Storage pools"
      sx={{
        listStyle: 'none',
        m: 0,
        p: 0,
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
        gap: 1,
      }}
    >
      {pools.map((p) => {
        const used = p.capacityBytes > 0 ? (100 * p.allocationBytes) / p.capacityBytes : 0;
        return (
          <Paper component="li" key={p.name} variant="outlined" sx={{ p: 1.25 }} aria-label={`Pool ${p.name}`}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <Typography variant="body2" sx={{ fontWeight: 700 }}>
                {p.name}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {p.type}
              </Typography>
              <Box sx={{ flex: 1 }} />
              {p.name === defaultPool && <Chip size="small" label="pod default" />}
              {!p.active && <Chip size="small" color="warning" label="inactive" />}
            </Box>
            <LinearProgress
              variant="determinate"
              value={used}
              sx={{ my: 0.75, height: 6, borderRadius: 3 }}
              aria-hidden
            />
            <Typography variant="caption" component="div">
              {p.active
                ? `${formatBytes(p.availableBytes, 'decimal')} free of ${formatBytes(p.capacityBytes, 'decimal')}`
                : 'inactive — start it to use it'}
            </Typography>
            {p.targetPath && (
              <Typography variant="caption" color="text.secondary" component="div" noWrap title={p.targetPath}>
                {p.targetPath}
              </Typography>
            )}
          </Paper>
        );
      })}
    </Box>
  );
}
