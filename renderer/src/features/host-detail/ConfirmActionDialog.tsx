import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useRef, useState, type ReactNode } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import { errorShapeOf } from '../../api';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useLabStore } from '../../store';

export type ActionRequest = {
  title: string;
  /** What will happen, in plain words, including what cannot be undone. */
  description: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  /** Shown while it runs: "Starting lab-shutoff on labhost1…". */
  progress: string;
  /** The notice on success, e.g. "Started lab-shutoff". */
  done: string;
  run: () => Promise<string[]>;
};

type Phase = { kind: 'ask' } | { kind: 'running' } | { kind: 'failed'; error: AppErrorShape };

/** Mounted while open: the parent unmounts it on close, which also resets it for the next action. */
type Props = { request: ActionRequest; onClose: () => void; children?: ReactNode };

/**
 * Every host-changing action goes through here: say what will happen, run it with visible
 * progress, and on failure show the command and its stderr. "Hide" lets the user carry on while a
 * slow host works; the outcome then arrives as a notice instead.
 */
export function ConfirmActionDialog({ request, onClose, children }: Props) {
  const notify = useLabStore((s) => s.notify);
  const [phase, setPhase] = useState<Phase>({ kind: 'ask' });
  // Set when the user hides a running action: the dialog is gone, so the outcome goes to a notice.
  const hidden = useRef(false);
  const running = phase.kind === 'running';

  const confirm = async (): Promise<void> => {
    setPhase({ kind: 'running' });
    try {
      const commands = await request.run();
      notify({
        severity: 'success',
        message: commands.length ? `${request.done} — ran ${commands.join(' && ')}` : request.done,
      });
      onClose();
    } catch (err) {
      const error = errorShapeOf(err);
      if (hidden.current) notify({ severity: 'error', message: `${request.title.replace(/\?$/, '')} failed`, error });
      else setPhase({ kind: 'failed', error });
    }
  };

  const hide = (): void => {
    hidden.current = true;
    onClose();
  };

  return (
    <Dialog open onClose={running ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="confirm-action-title">
      <DialogTitle id="confirm-action-title">{request.title}</DialogTitle>
      <DialogContent>
        <Box sx={{ typography: 'body2', color: 'text.secondary' }}>{request.description}</Box>
        {children && <Box sx={{ mt: 1.5 }}>{children}</Box>}
        {running && (
          <Box role="status" sx={{ mt: 2 }}>
            <Typography variant="body2" sx={{ mb: 0.75 }}>
              {request.progress}
            </Typography>
            <LinearProgress aria-label={request.progress} />
          </Box>
        )}
        {phase.kind === 'failed' && (
          <ErrorDetails error={phase.error} title={`${request.title.replace(/\?$/, '')} failed`} sx={{ mt: 2 }} />
        )}
      </DialogContent>
      <DialogActions>
        {running ? (
          <Button onClick={hide}>Hide</Button>
        ) : (
          <Button onClick={onClose}>{phase.kind === 'failed' ? 'Close' : 'Cancel'}</Button>
        )}
        <Button
          variant="contained"
          color={request.danger ? 'error' : 'primary'}
          disabled={running}
          onClick={() => void confirm()}
        >
          {phase.kind === 'failed' ? 'Try again' : request.confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
