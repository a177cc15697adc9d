import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import { alpha, type Theme } from '@mui/material/styles';
import type { HostStatus } from '../../../../shared/contract';
import { statusLabels } from '../../format/host-format';

type Tone = 'success' | 'error' | 'warning' | 'info' | 'neutral';

const tones: Record<HostStatus, Tone> = {
  online: 'success',
  offline: 'neutral',
  connecting: 'info',
  unknown: 'neutral',
  authFailed: 'error',
  hostKeyUnknown: 'warning',
  hostKeyMismatch: 'error',
  noLibvirt: 'warning',
};

function toneColor(theme: Theme, tone: Tone): string {
  return tone === 'neutral' ? theme.palette.text.secondary : theme.palette[tone].main;
}

/** Colour is a hint only: the text label always says the status (colour-blind safe, testable). */
export function StatusPill({ status, message, busy }: { status: HostStatus; message?: string; busy?: boolean }) {
  const tone = tones[status];
  const pill = (
    <Box
      component="span"
      sx={(theme) => {
        const c = toneColor(theme, tone);
        return {
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.75,
          px: 1,
          py: 0.25,
          borderRadius: 999,
          fontSize: '0.75rem',
          fontWeight: 600,
          lineHeight: 1.4,
          whiteSpace: 'nowrap',
          color: theme.palette.mode === 'light' && tone !== 'neutral' ? theme.palette[tone].dark : c,
          backgroundColor: alpha(c, theme.palette.mode === 'light' ? 0.12 : 0.2),
          border: `1px solid ${alpha(c, 0.35)}`,
        };
      }}
    >
      {busy || status === 'connecting' ? (
        <CircularProgress size={12} thickness={5} color="inherit" aria-label="refreshing" />
      ) : (
        <Box component="span" aria-hidden sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: 'currentColor' }} />
      )}
      {statusLabels[status]}
    </Box>
  );
  return message ? <Tooltip title={message}>{pill}</Tooltip> : pill;
}
