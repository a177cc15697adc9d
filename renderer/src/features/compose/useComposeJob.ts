import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, ComposeRequest } from '../../../../shared/contract';
import { errorShapeOf, useClient, useCommands } from '../../api';
import { useComposeStore } from './compose-store';

/**
 * Starts, follows and cancels the compose job. Progress comes as job.progress events; on mount
 * the job is read back with jobs.list, because events sent while the screen was away are gone.
 */
export function useComposeJob() {
  const client = useClient();
  const commands = useCommands();
  const jobId = useComposeStore((s) => s.jobId);
  const hostId = useComposeStore((s) => s.hostId);
  const [startError, setStartError] = useState<AppErrorShape | null>(null);
  const [cancelError, setCancelError] = useState<AppErrorShape | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    const stop = client.on('job.progress', (job) => useComposeStore.getState().updateJob(job));
    if (jobId) {
      commands.jobs
        .list(hostId ?? undefined)
        .then((jobs) => {
          const job = jobs.find((j) => j.id === jobId);
          if (job) useComposeStore.getState().updateJob(job);
          // A job kept from before a reload that the engine no longer knows (it restarted): back to the draft.
          else if (useComposeStore.getState().jobId === jobId) useComposeStore.getState().backToReview();
        })
        .catch(() => undefined); // the next progress event brings it anyway
    }
    return stop;
  }, [client, commands, jobId, hostId]);

  const start = useCallback(
    async (request: ComposeRequest): Promise<void> => {
      setStartError(null);
      setStarting(true);
      try {
        const { jobId: id } = await commands.compose.start(request);
        useComposeStore.getState().startedJob(id);
      } catch (err) {
        setStartError(errorShapeOf(err));
      } finally {
        setStarting(false);
      }
    },
    [commands],
  );

  const cancel = useCallback(async (): Promise<void> => {
    if (!jobId) return;
    setCancelError(null);
    try {
      await commands.jobs.cancel(jobId);
    } catch (err) {
      setCancelError(errorShapeOf(err));
    }
  }, [commands, jobId]);

  return { start, starting, startError, cancel, cancelError };
}
