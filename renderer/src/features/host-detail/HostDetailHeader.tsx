import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import Refresh from '@mui/icons-material/Refresh';
import type { HostView } from '../../../../shared/contract';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { hostTarget } from '../../format/host-format';
import { fullTime } from '../../format/time-format';
import { LiveIndicator } from '../../components/LiveIndicator';
import { StatusPill } from '../../components/StatusPill';
import { useFeatureSlots } from '../../components/feature-slots';

type Props = { host: HostView; snapshot: HostSnapshot | null; onBack: () => void; onRefresh: () => void };

/** Which host, how fresh the picture is, and the one button that makes it fresher. */
export function HostDetailHeader({ host, snapshot, onBack, onRefresh }: Props) {
  const { ComposeVmButton, PodSettingsButton } = useFeatureSlots();
  const lv = snapshot?.libvirt;
  const versions = [
    lv?.hypervisor ? `${lv.hypervisor.name} ${lv.hypervisor.version}` : null,
    lv?.libvirtVersion ? `libvirt ${lv.libvirtVersion}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
      <IconButton aria-label="Back to inventory" onClick={onBack} edge="start">
        <ArrowBack />
      </IconButton>
      <Box sx={{ flex: 1, minWidth: 240 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h2">
            {host.name}
          </Typography>
          <StatusPill
            status={host.status}
            busy={host.refreshing}
            message={host.statusMessage ?? host.lastError?.message}
          />
          <LiveIndicator live={host.live && host.status === 'online'} lastChangeAt={host.lastChangeAt} showTime />
        </Box>
        <Typography variant="body2" color="text.secondary">
          {[hostTarget(host), versions].filter(Boolean).join(' · ')}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary" aria-live="polite">
        {host.refreshing ? 'Reading the host…' : snapshot ? `Snapshot of ${fullTime(snapshot.takenAt)}` : ''}
      </Typography>
      <PodSettingsButton host={host} buttonProps={{ variant: 'outlined' }} />
      <ComposeVmButton host={host} variant="button" buttonProps={{ variant: 'outlined' }} />
      <Button
        variant="outlined"
        aria-label={`Refresh ${host.name}`}
        startIcon={host.refreshing ? <CircularProgress size={16} color="inherit" aria-hidden /> : <Refresh />}
        disabled={host.refreshing}
        onClick={onRefresh}
      >
        Refresh
      </Button>
    </Box>
  );
}
