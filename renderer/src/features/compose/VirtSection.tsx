import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import type { HostView } from '../../../../shared/contract';
import type { ComposeDraft } from './compose-draft';
import { ProbeResults } from '../../components/ProbeResults';
import { useVirtCapabilities } from '../../hooks/useVirtCapabilities';
import { automaticPair } from '../../components/virt-choices';
import { VirtCpuFields } from '../../components/VirtCpuFields';

type Props = {
  host: HostView;
  draft: ComposeDraft;
  patch: (p: Partial<ComposeDraft>) => void;
  cpuModelError: string | undefined;
};

/** Virt type and CPU mode, preselected with what the pod says or what started on the host. */
export function VirtSection({ host, draft, patch, cpuModelError }: Props) {
  const caps = useVirtCapabilities(host.id, draft.arch || undefined);
  const auto = automaticPair(host.pod, caps.data);
  const note =
    auto.from === 'pod'
      ? `The pod's default (Pod settings).`
      : auto.from === 'probe' && caps.data
        ? `Recommended: ${caps.data.recommended.reason}`
        : 'Compose picks: the pod default, else what starts on this host.';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <VirtCpuFields
        caps={caps.data}
        value={{ virtType: draft.virtType, cpuMode: draft.cpuMode, cpuModel: draft.cpuModel }}
        onChange={(p) => patch(p)}
        autoLabel="Automatic (what starts on this host)"
        fallback={{ virtType: auto.virtType, cpuMode: auto.cpuMode, note }}
        cpuModelError={cpuModelError}
      />
      {caps.loading && <LinearProgress sx={{ maxWidth: 400 }} aria-label="Reading the host's virt capabilities" />}
      {caps.error && (
        <Alert
          severity="info"
          action={
            <Button size="small" onClick={caps.recheck} sx={{ whiteSpace: 'nowrap' }}>
              Try again
            </Button>
          }
        >
          Could not read which virt types start on {host.name}: {caps.error.message} Compose still picks for you: the
          pod default, else what starts there.
        </Alert>
      )}
      {caps.data && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <ProbeResults caps={caps.data} hostName={host.name} />
          <Button size="small" onClick={caps.recheck}>
            Probe again
          </Button>
        </Box>
      )}
    </Box>
  );
}
