import Box from '@mui/material/Box';
import type { AuditEntry } from '../../../../shared/contract';

const colors: Record<AuditEntry['outcome'], string> = {
  ok: 'success.main',
  failed: 'error.main',
  probe: 'text.secondary',
  timeout: 'warning.main',
  cancelled: 'text.secondary',
};

/** Text first, colour second — same rule as the host status pill. */
export function OutcomeLabel({ outcome }: { outcome: AuditEntry['outcome'] }) {
  return (
    <Box
      component="span"
      sx={{ color: colors[outcome], fontWeight: 600 }}
      title={
        outcome === 'probe'
          ? 'An expected "no" from a lookup (e.g. compose asking whether a name is free): not a failure.'
          : undefined
      }
    >
      {outcome}
    </Box>
  );
}
