import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { VolumeUploadRequest } from '../../../../shared/contract';
import type { StoragePool } from '../../../../shared/snapshot/types';
import { ErrorDetails } from '../../components/ErrorDetails';
import { JobStepList } from '../../components/JobStepList';
import { formatBytes } from '../../format/units';
import { currentStep, stepProgress, volumeNameFor } from './upload-progress';
import { useUploadJob } from './useUploadJob';

type Props = {
  open: boolean;
  hostId: string;
  hostName: string;
  pools: StoragePool[];
  defaultPool: string | undefined;
  /** "ISO" or "cloud image": what the file is, for the title and hints. */
  what: string;
  onClose: () => void;
  /** The upload finished: the new volume, to select it. */
  onUploaded: (pool: string, volume: string) => void;
};

/** Uploads a file of this computer into a pool of the pod as a new volume (the engine reads the file). */
export function UploadVolumeDialog(p: Props) {
  return (
    <Dialog open={p.open} onClose={p.onClose} maxWidth="md" fullWidth aria-labelledby="upload-volume-title">
      {p.open && <UploadForm {...p} />}
    </Dialog>
  );
}

function UploadForm({ hostId, hostName, pools, defaultPool, what, onClose, onUploaded }: Props) {
  const active = pools.filter((x) => x.active);
  const [localPath, setLocalPath] = useState('');
  const [pool, setPool] = useState(
    defaultPool && active.some((x) => x.name === defaultPool) ? defaultPool : (active[0]?.name ?? ''),
  );
  const [volume, setVolume] = useState('');
  const [volumeTouched, setVolumeTouched] = useState(false);
  const upload = useUploadJob();
  const job = upload.job;
  const running = upload.jobId !== null && (job === null || job.state === 'queued' || job.state === 'running');
  const finished = job !== null && !running;

  const name = volumeTouched ? volume : volumeNameFor(localPath);
  const request = { hostId, pool, volume: name, localPath };
  const check = VolumeUploadRequest.safeParse(request);
  const volumeError =
    name !== '' && !check.success ? check.error.issues.find((i) => i.path[0] === 'volume')?.message : undefined;
  // Once uploaded, the volume is the one just made: no longer a clash.
  const exists =
    upload.jobId === null && (pools.find((x) => x.name === pool)?.volumes.some((v) => v.name === name) ?? false);
  const step = job ? currentStep(job) : undefined;
  const progress = step && step.status === 'running' ? stepProgress(step) : null;

  return (
    <>
      <DialogTitle id="upload-volume-title">
        Upload a local {what} to {hostName}
      </DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
        <Typography variant="body2" color="text.secondary">
          The file is read on the computer LabDeck runs on (the browser build too: its web host runs here) and sent over
          SSH with virsh vol-upload into a new volume.
        </Typography>
        <TextField
          label="File on this computer"
          placeholder="/home/me/Downloads/debian-12-genericcloud-amd64.qcow2"
          value={localPath}
          onChange={(e) => setLocalPath(e.target.value)}
          disabled={upload.jobId !== null}
          helperText="The full path of the file."
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
        />
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
          <TextField
            select
            label="Pool"
            value={pool}
            onChange={(e) => setPool(e.target.value)}
            disabled={upload.jobId !== null}
            helperText=" "
          >
            {active.map((x) => (
              <MenuItem key={x.name} value={x.name}>
                {`${x.name} — ${formatBytes(x.availableBytes, 'decimal')} free`}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Volume name"
            value={name}
            onChange={(e) => {
              setVolumeTouched(true);
              setVolume(e.target.value);
            }}
            disabled={upload.jobId !== null}
            error={Boolean(volumeError) || exists}
            helperText={
              volumeError ??
              (exists ? `Pool ${pool} already has a volume ${name}.` : 'The name of the new volume in the pool.')
            }
            slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
          />
        </Box>
        {upload.error && <ErrorDetails error={upload.error} title="The upload did not start" />}
        {job && (
          <Box
            component="section"
            aria-label="Upload progress"
            sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}
          >
            {running && (
              <Box role="status">
                <Typography variant="body2">{step?.description ?? 'Starting…'}</Typography>
                {progress && (
                  <Typography variant="caption" color="text.secondary">
                    {progress.totalBytes !== undefined
                      ? `${formatBytes(progress.doneBytes ?? 0, 'decimal')} of ${formatBytes(progress.totalBytes, 'decimal')} — `
                      : ''}
                    {Math.floor(progress.percent)}%
                  </Typography>
                )}
                <LinearProgress
                  sx={{ mt: 0.75 }}
                  {...(progress ? { variant: 'determinate' as const, value: progress.percent } : {})}
                  aria-label={progress ? `Uploaded ${Math.round(progress.percent)}%` : 'Uploading'}
                />
              </Box>
            )}
            {job.state === 'succeeded' && <Alert severity="success">{`${name} is in pool ${pool}.`}</Alert>}
            {job.state === 'cancelled' && <Alert severity="info">The upload was cancelled.</Alert>}
            {job.error && job.state === 'failed' && <ErrorDetails error={job.error} title="The upload failed" />}
            <JobStepList steps={job.steps} finished={finished} label="Upload steps" />
          </Box>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {running ? (
          <Button color="warning" onClick={() => void upload.cancel()}>
            Cancel upload
          </Button>
        ) : (
          <Button onClick={onClose}>{job?.state === 'succeeded' ? 'Close' : 'Cancel'}</Button>
        )}
        {job?.state === 'succeeded' ? (
          <Button variant="contained" onClick={() => onUploaded(pool, name)}>
            Use {name}
          </Button>
        ) : finished ? (
          <Button variant="contained" onClick={upload.reset}>
            Try again
          </Button>
        ) : (
          <Button
            variant="contained"
            onClick={() => void upload.start(request)}
            disabled={!check.success || exists || running || upload.starting}
          >
            Upload
          </Button>
        )}
      </DialogActions>
    </>
  );
}
