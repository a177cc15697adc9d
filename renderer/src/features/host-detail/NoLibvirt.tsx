import Alert from '@mui/material/Alert';
import type { HostSnapshot } from '../../../../shared/snapshot/types';

/** For the libvirt tabs of a host where libvirt cannot be read: say why instead of "no VMs". */
export function NoLibvirt({ snapshot }: { snapshot: HostSnapshot }) {
  const err = snapshot.libvirt?.error;
  if (!err) {
    return (
      <Alert severity="info">
        {snapshot.hostname} has no virsh, so LabDeck sees no libvirt networks, storage or VMs there.
      </Alert>
    );
  }
  return (
    <Alert severity="warning">
      libvirt is not usable on {snapshot.hostname}: {err.message}
      {err.hint ? ` ${err.hint}` : ''}
    </Alert>
  );
}
