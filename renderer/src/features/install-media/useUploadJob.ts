import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, JobView, VolumeUploadRequest } from '../../../../shared/contract';
import { errorShapeOf, useClient, useCommands } from '../../api';

/** Starts a volumes.upload job and follows it through job.progress events; cancel stops it. */
export function useUploadJob() {
  const client = useClient();
  const commands = useCommands();
  const [jobId, setJobId] = useState<string | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (!jobId) return;
    const stop = client.on('job.progress', (j) => j.id === jobId && setJob(j));
    // Events sent before this subscription are gone: read the job back once.
    commands.jobs
      .list()
      .then((jobs) => {
        const j = jobs.find((x) => x.id === jobId);
        if (j) setJob((cur) => cur ?? j);
      })
      .catch(() => undefined);
    return stop;
  }, [client, commands, jobId]);

  const start = useCallback(
    async (request: VolumeUploadRequest) => {
      setError(null);
      setJob(null);
      setStarting(true);
      try {
        const { jobId: id } = await commands.jobs.upload(request);
        setJobId(id);
      } catch (err) {
        setError(errorShapeOf(err));
      } finally {
        setStarting(false);
      }
    },
    [commands],
  );

  const cancel = useCallback(async () => {
    if (!jobId) return;
    try {
      await commands.jobs.cancel(jobId);
    } catch (err) {
      setError(errorShapeOf(err));
    }
  }, [commands, jobId]);

  const reset = useCallback(() => {
    setJobId(null);
    setJob(null);
    setError(null);
  }, []);

  return { jobId, job, error, starting, start, cancel, reset };
}
