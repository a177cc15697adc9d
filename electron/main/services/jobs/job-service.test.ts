import { describe, expect, it } from 'vitest';
import type { JobView } from '../../../../shared/contract/compose';
import { AppError } from '../../../../shared/contract';
import { EventBus } from '../event-bus';
import { JobService } from './job-service';

function service() {
  const bus = new EventBus();
  const events: JobView[] = [];
  bus.subscribe((name, payload) => {
    if (name === 'job.progress') events.push(payload as JobView);
  });
  return { jobs: new JobService(bus, 2), events };
}

describe('JobService', () => {
  it('reports every change and ends succeeded', async () => {
    const { jobs, events } = service();
    const job = jobs.start({
      kind: 'compose',
      hostId: 'h',
      title: 't',
      run: async (ctx) => {
        const id = ctx.addStep({ kind: 'a', description: 'A', status: 'running' });
        ctx.updateStep(id, { status: 'done' });
        ctx.setDomain('vm');
      },
    });
    const done = await jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'succeeded', domain: 'vm', steps: [{ kind: 'a', status: 'done' }] });
    expect(events.at(-1)).toEqual(done);
    expect(events.map((e) => e.steps[0]?.status)).toEqual([undefined, 'running', 'done', 'done', 'done']);
  });

  it('keeps the error of a failed job and marks a running step failed', async () => {
    const { jobs } = service();
    const job = jobs.start({
      kind: 'compose',
      hostId: 'h',
      title: 't',
      run: async (ctx) => {
        ctx.addStep({ kind: 'a', description: 'A', status: 'running' });
        throw new AppError({ kind: 'remote', message: 'boom', command: 'virsh x', stderr: 'error: x' });
      },
    });
    const done = await jobs.wait(job.id);
    expect(done.state).toBe('failed');
    expect(done.error).toMatchObject({ message: 'boom', command: 'virsh x', stderr: 'error: x' });
    expect(done.steps[0]?.status).toBe('failed');
  });

  it('cancel aborts the signal; pending steps end cancelled; a finished job cannot be cancelled', async () => {
    const { jobs } = service();
    const job = jobs.start({
      kind: 'compose',
      hostId: 'h',
      title: 't',
      run: async (ctx) => {
        ctx.addStep({ kind: 'later', description: 'L' });
        await new Promise((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('aborted'))));
      },
    });
    await Promise.resolve();
    expect(jobs.cancel(job.id)).toBe(true);
    const done = await jobs.wait(job.id);
    expect(done).toMatchObject({ state: 'cancelled', error: { kind: 'cancelled' }, steps: [{ status: 'cancelled' }] });
    expect(jobs.cancel(job.id)).toBe(false);
  });

  it('lists newest first and forgets old finished jobs', async () => {
    const { jobs } = service();
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const j = jobs.start({
        kind: 'compose',
        hostId: i % 2 ? 'a' : 'b',
        title: String(i),
        run: async () => undefined,
      });
      ids.push(j.id);
      await jobs.wait(j.id);
    }
    expect(jobs.list().map((j) => j.title)).toEqual(['3', '2']);
    expect(jobs.list('a').map((j) => j.title)).toEqual(['3']);
  });
});
