import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import { useMemo, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import type { NetworkChange } from '../../../../shared/contract/networks';
import { errorShapeOf, useCommands } from '../../api';
import { ErrorDetails } from '../../components/ErrorDetails';
import type { NetworkEditorDialogProps } from '../../components/feature-slots';
import { useLabStore } from '../../store';
import { CreateNetworkFields } from './CreateNetworkFields';
import { EditNetworkFields } from './EditNetworkFields';
import {
  createChange,
  editChange,
  initialCreateDraft,
  initialEditDraft,
  type CreateDraft,
  type EditDraft,
} from './network-draft';
import { PreviewPane } from './PreviewPane';
import { useNetworkPlan } from './useNetworkPlan';

type Props = NetworkEditorDialogProps;

/**
 * New network, Edit network and Delete network: a form on the left, on the right what the change
 * will do (checks, VMs cut off, the effect on composes, the XML diff and the exact commands).
 * Apply runs exactly that; a failure shows the command and its stderr, with what was undone.
 */
export function NetworkEditorDialog({ hostId, hostName, snapshot, mode, onClose }: Props) {
  const commands = useCommands();
  const notify = useLabStore((s) => s.notify);
  const put = useLabStore((s) => s.putHostSnapshot);
  const network = mode.kind === 'create' ? undefined : snapshot.libvirt?.networks.find((n) => n.name === mode.network);
  const [createDraft, setCreateDraft] = useState<CreateDraft>(() => initialCreateDraft(snapshot));
  const [editDraft, setEditDraft] = useState<EditDraft | null>(() => (network ? initialEditDraft(network) : null));
  // Acceptance holds for the exact list of VMs it was given for.
  const [ackFor, setAckFor] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);
  const [applyError, setApplyError] = useState<AppErrorShape | null>(null);
  const change = useMemo<NetworkChange | null>(() => {
    if (mode.kind === 'create') return createChange(createDraft);
    if (!network) return null;
    if (mode.kind === 'delete') return { op: 'delete', network: network.name };
    return editDraft ? editChange(network, editDraft) : null;
  }, [mode.kind, createDraft, editDraft, network]);
  const { plan, error, loading } = useNetworkPlan(hostId, change);
  const cutOffKey = plan ? plan.vmsCutOff.join(',') : null;
  const acknowledged = cutOffKey !== null && ackFor === cutOffKey;
  const setAcknowledged = (v: boolean): void => setAckFor(v ? cutOffKey : null);

  const title =
    mode.kind === 'create'
      ? `New network on ${hostName}`
      : mode.kind === 'edit'
        ? `Edit network ${mode.network}`
        : `Delete network ${mode.network}`;
  const applyLabel =
    mode.kind === 'create' ? 'Create network' : mode.kind === 'edit' ? 'Apply changes' : 'Delete network';
  const ready = !!plan && !loading && plan.problems.length === 0 && (plan.vmsCutOff.length === 0 || acknowledged);

  const apply = async (): Promise<void> => {
    if (!change || !plan) return;
    setApplying(true);
    setApplyError(null);
    try {
      const r = await commands.networks.apply({ hostId, change, acknowledgeVms: acknowledged ? plan.vmsCutOff : [] });
      if (r.snapshot) put(hostId, { snapshot: r.snapshot });
      notify({ severity: 'success', message: `${plan.summary} Ran ${r.commands.length} command(s).` });
      onClose();
    } catch (e) {
      setApplyError(errorShapeOf(e));
    } finally {
      setApplying(false);
    }
  };

  return (
    <Dialog
      open
      onClose={applying ? undefined : onClose}
      maxWidth="lg"
      fullWidth
      aria-labelledby="network-editor-title"
    >
      <DialogTitle id="network-editor-title">{title}</DialogTitle>
      <DialogContent dividers>
        {mode.kind !== 'create' && !network ? (
          <Alert severity="warning">
            {hostName} has no network named {mode.network} any more.
          </Alert>
        ) : (
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: mode.kind === 'delete' ? '1fr' : { xs: '1fr', md: 'minmax(320px, 5fr) 7fr' },
              gap: 3,
            }}
          >
            {mode.kind === 'create' && (
              <CreateNetworkFields snapshot={snapshot} draft={createDraft} onChange={setCreateDraft} />
            )}
            {mode.kind === 'edit' && network && editDraft && (
              <EditNetworkFields network={network} draft={editDraft} onChange={setEditDraft} />
            )}
            <PreviewPane
              plan={plan}
              error={error}
              loading={loading}
              acknowledged={acknowledged}
              onAcknowledge={setAcknowledged}
            />
          </Box>
        )}
        {applyError && <ErrorDetails error={applyError} title={`${applyLabel} failed`} sx={{ mt: 2 }} />}
        {applying && <LinearProgress aria-label="Applying the change" sx={{ mt: 2 }} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={applying}>
          Cancel
        </Button>
        <Button
          variant="contained"
          color={mode.kind === 'delete' ? 'error' : 'primary'}
          disabled={!ready || applying}
          onClick={() => void apply()}
        >
          {applyLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
