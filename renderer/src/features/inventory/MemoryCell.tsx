import Box from '@mui/material/Box';
import type { HostFacts } from '../../../../shared/contract';
import { formatKiB } from '../../format/units';

/**
 * Capacity as text and, under it, a thin bar of the memory given to running VMs, so a full host
 * stands out in a long list. Plain boxes rather than a progress component: rows mount on every scroll.
 */
export function MemoryCell({ facts }: { facts: HostFacts }) {
  const used = facts.memoryUsedKiB ?? 0;
  const share = facts.memoryKiB > 0 ? Math.min(1, used / facts.memoryKiB) : 0;
  const host =
    facts.hostMemoryUsedKiB !== undefined ? `; the host uses ${formatKiB(facts.hostMemoryUsedKiB)} in all` : '';
  const label = `${formatKiB(used)} of ${formatKiB(facts.memoryKiB)} given to running VMs${host}`;
  return (
    <Box title={label} aria-label={`${formatKiB(facts.memoryKiB)}, ${label}`}>
      {formatKiB(facts.memoryKiB)}
      <Box aria-hidden sx={{ mt: 0.25, height: 3, borderRadius: 2, bgcolor: 'action.hover', overflow: 'hidden' }}>
        <Box
          sx={{
            height: '100%',
            width: `${Math.round(share * 100)}%`,
            bgcolor: share > 0.9 ? 'error.main' : 'primary.main',
          }}
        />
      </Box>
    </Box>
  );
}
