import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { AppErrorShape, HostView } from '../../../../shared/contract';
import { errorShapeOf, useCommands } from '../../api';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useLastDefined } from '../../components/useLastDefined';
import { sshTarget } from '../../format/host-format';
import { selectHostById, useLabStore, type HostDialogState } from '../../store';
import {
  emptyHostForm,
  formFromHost,
  parseHostForm,
  sameAddressHosts,
  type FieldErrors,
  type HostForm,
  type HostFormField,
} from './host-form';
import { HostFormFields } from './HostFormFields';

/** Add and Edit share the form; the store says which one is open (and for which host). */
export function AddHostDialog() {
  const current = useLabStore((s) => s.hostDialog);
  // Keep rendering the last target while the dialog animates out.
  const dialog = useLastDefined(current);
  const editing = useLabStore(selectHostById(dialog?.mode === 'edit' ? dialog.hostId : null));
  const openHostDialog = useLabStore((s) => s.openHostDialog);
  // Keyed on the dialog target so every opening starts from a fresh form.
  const key = dialog ? (dialog.mode === 'edit' ? `edit:${dialog.hostId}` : 'add') : 'closed';
  return (
    <Dialog open={current !== null} onClose={() => openHostDialog(null)} maxWidth="sm" fullWidth>
      {dialog && <HostDialogBody key={key} dialog={dialog} editing={editing} onDone={() => openHostDialog(null)} />}
    </Dialog>
  );
}

type BodyProps = { dialog: NonNullable<HostDialogState>; editing: HostView | undefined; onDone: () => void };

function HostDialogBody({ dialog, editing, onDone }: BodyProps) {
  const commands = useCommands();
  const isEdit = dialog.mode === 'edit';
  const [form, setForm] = useState<HostForm>(() => (editing ? formFromHost(editing) : emptyHostForm));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [connecting, setConnecting] = useState<string | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const hostsById = useLabStore((s) => s.hostsById);
  const sameAddress = useMemo(
    () => sameAddressHosts(form, Object.values(hostsById), editing?.id),
    [form, hostsById, editing?.id],
  );

  // The form is tall: bring the failure into view, or the click looks like it did nothing.
  useEffect(() => {
    if (failure) failureRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [failure]);

  // If the dialog is closed mid-connect, the late result goes to the snackbar instead.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const change = (field: HostFormField, value: string): void => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (connecting) return;
    const parsed = parseHostForm(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    const { input } = parsed;
    setConnecting(sshTarget(input.user, input.address, input.port));
    const store = useLabStore.getState();
    try {
      const host =
        isEdit && editing
          ? await commands.hosts.update({ id: editing.id, patch: input })
          : await commands.hosts.add(input);
      store.upsertHost(host);
      store.setScreen('inventory');
      store.selectHost(host.id);
      if (mounted.current) onDone();
      else store.notify({ severity: 'success', message: `${isEdit ? 'Saved' : 'Added'} ${host.name}` });
    } catch (err) {
      if (mounted.current) setFailure(errorShapeOf(err));
      else store.notify({ severity: 'error', message: `Could not add ${input.name}`, error: errorShapeOf(err) });
    } finally {
      setConnecting(null);
    }
  };

  const submitLabel = isEdit ? 'Save' : 'Add host';
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={isEdit ? 'Edit host' : 'Add host'}
      // A flex column, so only DialogContent scrolls and the title and buttons stay put.
      sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, overflow: 'hidden' }}
    >
      <DialogTitle>{isEdit ? `Edit ${editing?.name ?? 'host'}` : 'Add host'}</DialogTitle>
      <DialogContent>
        {isEdit && !editing ? (
          <Alert severity="warning">This host is no longer in the inventory.</Alert>
        ) : (
          <HostFormFields form={form} errors={errors} disabled={connecting !== null} onChange={change} />
        )}
        {sameAddress.length > 0 && (
          <Alert severity="warning" sx={{ mt: 2 }} data-testid="same-address-warning">
            {form.address.trim()}:{form.port.trim() || '22'} is already in the inventory as{' '}
            {sameAddress.map((h) => `${h.name} (${h.user})`).join(', ')}. This entry logs in with its own credentials;
            it never uses the other entry’s connection.
          </Alert>
        )}
        {connecting && (
          <Box role="status" sx={{ mt: 2 }}>
            <Typography variant="body2" sx={{ mb: 0.5 }}>
              {isEdit ? `Saving and checking ${connecting}…` : `Connecting to ${connecting}…`}
            </Typography>
            <LinearProgress aria-label={`Connecting to ${connecting}`} />
          </Box>
        )}
        {failure && <ErrorDetails ref={failureRef} error={failure} sx={{ mt: 2 }} />}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onDone}>{connecting ? 'Close' : 'Cancel'}</Button>
        <Button type="submit" variant="contained" disabled={connecting !== null || (isEdit && !editing)}>
          {submitLabel}
        </Button>
      </DialogActions>
    </Box>
  );
}
