import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { Domain, LibvirtNetwork } from '../../../../shared/snapshot/types';
import { vmReservations } from '../../../../shared/compose/dhcp-reservations';
import { isDomainUp } from '../../../../shared/warnings';
import { diskPath, ownedDisks } from '../../../../shared/compose/owned-volumes';
import { monoFont } from '../../components/fonts';
import { ConfirmActionDialog } from './ConfirmActionDialog';
import type { DomainAction } from './useHostAction';

type Props = {
  domain: Domain;
  host: string;
  /** The host's libvirt networks: the VM's DHCP reservations in them are removed with it. */
  networks?: readonly LibvirtNetwork[];
  run: (name: string, action: DomainAction, deleteVolumes: boolean) => Promise<string[]>;
  onClose: () => void;
};

/** Delete is the one action with a choice: keep the disks (the default) or remove them too. */
export function DeleteVmDialog({ domain: d, host, networks = [], run, onClose }: Props) {
  const [volumes, setVolumes] = useState(false);
  // The same rule the engine applies: own disks and the cloud-init seed, never shared install media.
  const disks = ownedDisks(d)
    .map(diskPath)
    .filter((p): p is string => !!p);
  // compose's ip= reservations (same MAC as a NIC): always removed, so the address is free again.
  const reservations = vmReservations(d, networks);
  return (
    <ConfirmActionDialog
      onClose={onClose}
      request={{
        title: `Delete ${d.name}?`,
        description: `Removes ${d.name}'s definition from ${host}${isDomainUp(d) ? ', forcing it off first' : ''}. This cannot be undone.`,
        confirmLabel: volumes ? 'Delete VM and volumes' : 'Delete VM',
        danger: true,
        progress: `Deleting ${d.name}…`,
        done: `Deleted ${d.name}${volumes ? ' and its volumes' : ''}`,
        run: () => run(d.name, 'delete', volumes),
      }}
    >
      <FormControlLabel
        control={
          <Checkbox checked={volumes} onChange={(e) => setVolumes(e.target.checked)} disabled={disks.length === 0} />
        }
        label="Also delete its volumes"
      />
      {disks.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {d.name} has no disks.
        </Typography>
      ) : (
        <Box
          component="ul"
          aria-label="Volumes"
          sx={{
            m: 0,
            pl: 4,
            fontFamily: monoFont,
            fontSize: '0.8rem',
            color: volumes ? 'error.main' : 'text.secondary',
          }}
        >
          {disks.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </Box>
      )}
      {reservations.length > 0 && (
        <>
          <Typography variant="body2" sx={{ mt: 1.5 }}>
            Its DHCP reservations are removed too, so their addresses are free again:
          </Typography>
          <Box
            component="ul"
            aria-label="DHCP reservations"
            sx={{ m: 0, pl: 4, fontFamily: monoFont, fontSize: '0.8rem' }}
          >
            {reservations.map((r) => (
              <li key={`${r.network}/${r.ip}`}>
                {r.ip} in network {r.network} ({r.mac})
              </li>
            ))}
          </Box>
        </>
      )}
    </ConfirmActionDialog>
  );
}
