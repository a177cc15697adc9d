import Button from '@mui/material/Button';
import OpenInFull from '@mui/icons-material/OpenInFull';
import type { HostView } from '../../../shared/contract';
import { useLabStore } from '../store';

/** From the inventory's side panel into the full host screen (topology, interfaces, networks, VMs…). */
export function OpenHostButton({ host }: { host: HostView }) {
  const open = useLabStore((s) => s.openHostDetail);
  return (
    <Button
      variant="contained"
      fullWidth
      startIcon={<OpenInFull />}
      aria-label={`Open host view of ${host.name}`}
      onClick={() => open(host.id)}
      sx={{ mt: 1.5 }}
    >
      Open host view
    </Button>
  );
}
