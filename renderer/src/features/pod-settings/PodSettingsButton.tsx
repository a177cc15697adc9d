import Button, { type ButtonProps } from '@mui/material/Button';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import type { HostView } from '../../../../shared/contract';
import { openPodSettings } from './pod-settings-store';

/** Opens the pod settings dialog for this host (only pods have them). */
export function PodSettingsButton({
  host,
  buttonProps = { size: 'small' },
}: {
  host: HostView;
  buttonProps?: Pick<ButtonProps, 'size' | 'variant'>;
}) {
  if (host.kind !== 'pod') return null;
  return (
    <Button
      {...buttonProps}
      startIcon={<TuneOutlined />}
      onClick={() => openPodSettings(host.id)}
      aria-label={`Pod settings for ${host.name}`}
    >
      Pod settings
    </Button>
  );
}
