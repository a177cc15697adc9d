import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormLabel from '@mui/material/FormLabel';
import Typography from '@mui/material/Typography';
import type { HostView } from '../../../../shared/contract';
import { ProbeResults } from '../../components/ProbeResults';
import { useVirtCapabilities } from '../../hooks/useVirtCapabilities';
import { VirtCpuFields, type VirtCpuValue } from '../../components/VirtCpuFields';

type Props = { host: HostView; value: VirtCpuValue; onChange: (patch: Partial<VirtCpuValue>) => void };

/** The pod's default virt type and CPU mode; "Automatic" (unset) follows what the host's start probe saw work. */
export function PodCpuDefaults({ host, value, onChange }: Props) {
  const caps = useVirtCapabilities(host.id);
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <FormLabel component="legend" sx={{ mb: 1.5 }}>
        Virt type and CPU mode
      </FormLabel>
      <VirtCpuFields
        caps={caps.data}
        value={value}
        onChange={onChange}
        autoLabel="Automatic (what starts on this host)"
        autoHelp="Unset: compose uses what the start probe saw work."
        offerAuto
      />
      {caps.data ? (
        <>
          <Typography variant="caption" color="text.secondary">
            Automatic today: {caps.data.recommended.reason}
          </Typography>
          <ProbeResults caps={caps.data} hostName={host.name} />
        </>
      ) : (
        caps.error && (
          <Alert severity="info">
            Could not read which virt types start on {host.name}: {caps.error.message}
          </Alert>
        )
      )}
    </Box>
  );
}
