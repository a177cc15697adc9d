import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import Typography from '@mui/material/Typography';
import TuneOutlined from '@mui/icons-material/TuneOutlined';
import { useShallow } from 'zustand/react/shallow';
import type { HostView } from '../../../../../shared/contract';
import { hostTarget } from '../../../format/host-format';
import { selectHostList, useLabStore } from '../../../store';
import { StatusPill } from '../../../components/StatusPill';
import { installModeInfo } from '../../../format/install-modes';
import { useFeatureSlots } from '../../../components/feature-slots';
import { formatKiB } from '../../../format/units';

type Props = { hostId: string | null; onChoose: (hostId: string) => void };

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <Typography variant="body2" component="div">
      <Box component="span" sx={{ color: 'text.secondary' }}>
        {label}:
      </Box>{' '}
      {children}
    </Typography>
  );
}

function PodCard({ host, chosen, onChoose }: { host: HostView; chosen: boolean; onChoose: () => void }) {
  const f = host.lastFacts;
  const id = `pod-${host.id}`;
  const { openPodSettings } = useFeatureSlots();
  return (
    <Paper
      variant="outlined"
      onClick={onChoose}
      sx={{
        p: 1.5,
        display: 'flex',
        gap: 1,
        cursor: 'pointer',
        borderColor: chosen ? 'primary.main' : undefined,
        borderWidth: chosen ? 2 : 1,
      }}
    >
      <Radio
        checked={chosen}
        onChange={onChoose}
        slotProps={{ input: { 'aria-labelledby': id } }}
        sx={{ alignSelf: 'flex-start', mt: -0.5 }}
      />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography id={id} variant="subtitle1" component="span" sx={{ fontWeight: 700 }}>
            {host.name}
          </Typography>
          <Typography variant="body2" color="text.secondary" component="span">
            {hostTarget(host)}
          </Typography>
          <StatusPill status={host.status} busy={host.refreshing} />
        </Box>
        {f && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
            {`${f.cpus} CPUs · ${formatKiB(f.memoryKiB)} memory · ${f.arch ?? 'arch unknown'} · ${f.domainsRunning} of ${f.domainsTotal} VMs running · libvirt ${f.libvirtVersion ?? '?'}`}
          </Typography>
        )}
        <Box sx={{ mt: 1, display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 0.5 }}>
          <Fact label="Install mode">{installModeInfo[host.pod.installMode].title}</Fact>
          <Fact label="Default macvtap mode">{host.pod.defaultMacvlanMode}</Fact>
          <Fact label="Default storage pool">{host.pod.defaultPool || 'none (first pool with room)'}</Fact>
        </Box>
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
          {installModeInfo[host.pod.installMode].effect}
        </Typography>
      </Box>
      <Button
        size="small"
        startIcon={<TuneOutlined />}
        onClick={(e) => {
          e.stopPropagation();
          openPodSettings(host.id);
        }}
        sx={{ alignSelf: 'flex-start', flexShrink: 0 }}
        aria-label={`Pod settings for ${host.name}`}
      >
        Pod settings
      </Button>
    </Paper>
  );
}

/** Step 1: which KVM host the VM goes on, with the pod settings that shape its networking. */
export function PodStep({ hostId, onChoose }: Props) {
  const hosts = useLabStore(useShallow(selectHostList));
  const pods = hosts.filter((h) => h.kind === 'pod').sort((a, b) => a.name.localeCompare(b.name));
  const others = hosts.filter((h) => h.kind !== 'pod');
  return (
    <Box role="radiogroup" aria-label="Pod" sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, maxWidth: 960 }}>
      <Typography variant="body2" color="text.secondary">
        Choose the KVM host (pod) the VM is composed on. Its install mode decides where a NIC without constraints goes;
        its macvtap mode is what NICs attached directly to a host interface use unless you override it per NIC.
      </Typography>
      {pods.length === 0 && (
        <Alert severity="info">
          No pods yet. Add a KVM host in the inventory; once LabDeck has read libvirt on it, it shows up here.
        </Alert>
      )}
      {pods.map((h) => (
        <PodCard key={h.id} host={h} chosen={h.id === hostId} onChoose={() => onChoose(h.id)} />
      ))}
      {others.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          Not pods (no libvirt seen, or not reached yet): {others.map((h) => h.name).join(', ')}.
        </Typography>
      )}
    </Box>
  );
}
