import Box from '@mui/material/Box';
import type { AuditEntry } from '../../../../shared/contract';

const colors: Record<AuditEntry['outcome'], string> = {
  ok: 'success.main',
  failed: 'error.main',
  timeout: 'warning.main',
  cancelled: 'text.secondary',
};

/** Text first, colour second — same rule as the host status pill. */
export function OutcomeLabel({ outcome }: { outcome: AuditEntry['outcome'] }) {
  return (
    <Box component="span" sx={{ color: colors[outcome], fontWeight: 600 }}>
      {outcome}
    </Box>
  );
}
