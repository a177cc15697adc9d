import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState } from 'react';
import type { InterruptedJob, RecoveryResult } from '../../../../shared/contract';
import { errorShapeOf, useCommands } from '../../api';
import { leftoverLines, recoveryTitle } from './recovery-text';

/**
 * Shown at start when the compose journal lists a job an earlier run did not finish (LabDeck was
 * killed, or the host vanished while undoing). One click rolls each back; "Later" asks again at the
 * next start.
 */
export function RecoveryDialog() {
  const commands = useCommands();
  const [jobs, setJobs] = useState<InterruptedJob[]>([]);
  const [later, setLater] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, RecoveryResult | { error: string }>>({});

  const load = useCallback(() => {
    commands.jobs.recoverable().then(setJobs, () => setJobs([]));
  }, [commands]);
  useEffect(load, [load]);

  const rollBack = async (id: string) => {
    setBusy(id);
    try {
      const r = await commands.jobs.rollback(id);
      setResults((m) => ({ ...m, [id]: r }));
    } catch (err) {
      setResults((m) => ({ ...m, [id]: { error: errorShapeOf(err).message } }));
    } finally {
      setBusy(null);
      load();
    }
  };

  const open = !later && jobs.length > 0;
  return (
    <Dialog open={open} maxWidth="md" fullWidth aria-labelledby="recovery-title" data-testid="recovery-dialog">
      <DialogTitle id="recovery-title">{recoveryTitle(jobs)}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          LabDeck stopped in the middle of these jobs. What they made on the host is listed below — “maybe” means the
          command was sent but its result never came back. Roll back to remove it all, newest first.
        </DialogContentText>
        {jobs.map((job) => {
          const result = results[job.id];
          return (
            <Box key={job.id} sx={{ mb: 2, p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
              <Typography variant="subtitle2">
                {job.title} — started {new Date(job.startedAt).toLocaleString()}
              </Typography>
              <Box component="ul" sx={{ my: 1, pl: 3 }}>
                {leftoverLines(job).map((l, i) => (
                  <li key={i}>
                    <Chip
                      size="small"
                      label={l.certainty}
                      color={l.certainty === 'done' ? 'warning' : 'default'}
                      sx={{ mr: 1 }}
                    />
                    {l.text}
                    {l.undo && (
                      <Typography
                        component="div"
                        variant="caption"
                        sx={{ fontFamily: 'monospace', color: 'text.secondary' }}
                      >
                        undo: {l.undo}
                      </Typography>
                    )}
                  </li>
                ))}
              </Box>
              {result && 'error' in result && <Alert severity="error">{result.error}</Alert>}
              {result && 'failed' in result && result.failed.length > 0 && (
                <Alert severity="error">
                  {result.failed.map((f) => `${f.description}: ${f.message}`).join(' · ')} — still listed; try again
                  when the host answers.
                </Alert>
              )}
              <Button
                variant="contained"
                color="warning"
                disabled={busy !== null}
                onClick={() => void rollBack(job.id)}
                sx={{ mt: 1 }}
              >
                {busy === job.id ? 'Rolling back…' : `Roll back ${job.domain} on ${job.hostName}`}
              </Button>
            </Box>
          );
        })}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={() => setLater(true)} disabled={busy !== null}>
          Later
        </Button>
      </DialogActions>
    </Dialog>
  );
}
