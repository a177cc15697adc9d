import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useState } from 'react';
import type { HostView } from '../../../../shared/contract';
import { useLastDefined } from '../../components/useLastDefined';
import { hostTarget } from '../../format/host-format';

type Props = { host: HostView | null; onCancel: () => void; onConfirm: (h: HostView) => Promise<unknown> };

/** Removing only forgets the host in LabDeck; the dialog says so, because admins will wonder. */
export function RemoveHostDialog({ host, onCancel, onConfirm }: Props) {
  const [busy, setBusy] = useState(false);
  const shown = useLastDefined(host);
  const confirm = async (): Promise<void> => {
    if (!host) return;
    setBusy(true);
    try {
      await onConfirm(host);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={host !== null} onClose={busy ? undefined : onCancel} maxWidth="xs" fullWidth>
      <DialogTitle>Remove {shown?.name}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          LabDeck will forget {shown ? hostTarget(shown) : 'this host'} and any credentials it saved for it. Nothing on
          the host itself is changed, and its VMs keep running.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button color="error" variant="contained" onClick={() => void confirm()} disabled={busy}>
          Remove
        </Button>
      </DialogActions>
    </Dialog>
  );
}
