import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { AppErrorShape, JobView } from '../../../../../shared/contract';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { JobStepList } from '../../../components/JobStepList';

type Props = {
  job: JobView | null;
  onCancel: () => void;
  cancelError: AppErrorShape | null;
  onBackToReview: () => void;
};

const running = (job: JobView | null) => job === null || job.state === 'queued' || job.state === 'running';

/** What went wrong, where, and what state the host was left in — the first thing read after a failure. */
function FailureSummary({ job }: { job: JobView }) {
  const failed = job.steps.find((s) => s.status === 'failed' || s.status === 'cancelled');
  const undone = job.steps.filter((s) => s.status === 'rolled-back');
  const cancelled = job.state === 'cancelled';
  return (
    <Alert severity={cancelled ? 'warning' : 'error'}>
      <AlertTitle>
        {cancelled ? 'Compose cancelled' : `Compose failed${failed ? ` at: ${failed.description}` : ''}`}
      </AlertTitle>
      {job.error && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {job.error.message}
        </Typography>
      )}
      {undone.length > 0 ? (
        <Box sx={{ mt: 0.75 }}>
          <Typography variant="body2" sx={{ fontWeight: 700 }}>
            Rolled back{job.leftBehind.length === 0 ? ' — the host is as it was before' : ''}:
          </Typography>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {undone.map((s) => (
              <li key={s.id}>
                <Typography variant="body2">{s.description}</Typography>
              </li>
            ))}
          </ul>
        </Box>
      ) : (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Nothing had been changed on the host, so there was nothing to roll back.
        </Typography>
      )}
      {job.leftBehind.length > 0 && (
        <Box sx={{ mt: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 700 }}>
            Left behind — remove these by hand:
          </Typography>
          <ul style={{ margin: 0 }}>
            {job.leftBehind.map((l) => (
              <li key={l}>
                <Typography variant="body2">{l}</Typography>
              </li>
            ))}
          </ul>
        </Box>
      )}
    </Alert>
  );
}

/** Step 5: the job's steps live from job.progress, with Cancel while it runs. */
export function ComposeProgressStep({ job, onCancel, cancelError, onBackToReview }: Props) {
  const busy = running(job);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 1000 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, flex: 1 }}>
          {job?.title ?? 'Starting…'}
        </Typography>
        <Typography variant="body2" role="status" aria-label="Job state">
          {job ? (job.state === 'queued' ? 'queued: waiting for another change on this host' : job.state) : 'starting'}
        </Typography>
        {busy ? (
          <Button color="error" variant="outlined" onClick={onCancel} disabled={!job}>
            Cancel
          </Button>
        ) : (
          job?.state !== 'succeeded' && (
            <Button variant="outlined" onClick={onBackToReview}>
              Back to review
            </Button>
          )
        )}
      </Box>
      {busy && <LinearProgress aria-hidden />}
      {cancelError && <ErrorDetails error={cancelError} title="Could not cancel" />}
      {job && (job.state === 'failed' || job.state === 'cancelled') && <FailureSummary job={job} />}
      {job && <JobStepList steps={job.steps} finished={!busy} />}
    </Box>
  );
}
