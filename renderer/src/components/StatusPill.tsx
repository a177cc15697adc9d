import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import { Pill, type PillTone } from './Pill';
import type { HostStatus } from '../../../shared/contract';
import { statusLabels } from '../format/host-format';

const tones: Record<HostStatus, PillTone> = {
  online: 'success',
  offline: 'neutral',
  connecting: 'info',
  unknown: 'neutral',
  authFailed: 'error',
  hostKeyUnknown: 'warning',
  hostKeyMismatch: 'error',
  noLibvirt: 'warning',
};

/** Colour is a hint only: the text label always says the status (colour-blind safe, testable). */
export function StatusPill({ status, message, busy }: { status: HostStatus; message?: string; busy?: boolean }) {
  const spinner =
    busy || status === 'connecting' ? (
      <CircularProgress size={12} thickness={5} color="inherit" aria-label="refreshing" />
    ) : undefined;
  const pill = (
    <Pill tone={tones[status]} leading={spinner}>
      {statusLabels[status]}
    </Pill>
  );
  return message ? <Tooltip title={message}>{pill}</Tooltip> : pill;
}
