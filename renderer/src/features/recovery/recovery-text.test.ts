import { describe, expect, it } from 'vitest';
import type { InterruptedJob } from '../../../../shared/contract';
import { leftoverLines, recoveryTitle } from './recovery-text';

const job: InterruptedJob = {
  id: 'j1',
  kind: 'compose',
  hostId: 'h1',
  hostName: 'labhost1',
  domain: 'web1',
  title: 'Compose web1 on labhost1',
  startedAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:01Z',
  pid: 1,
  steps: [
    {
      description: 'Create volume web1-root',
      command: 'virsh vol-create-as …',
      state: 'done',
      undo: { argv: ['virsh', 'vol-delete'], command: 'virsh vol-delete …', description: 'Delete volume' },
    },
    {
      description: 'Define VM web1',
      command: 'virsh define …',
      state: 'running',
      undo: { argv: ['virsh', 'undefine'], command: 'virsh undefine …', description: 'Undefine' },
    },
    { description: 'Start VM web1', command: 'virsh start …', state: 'pending', undo: null },
  ],
};

describe('recovery notice text', () => {
  it('lists what may be on the host, newest first, with done / maybe', () => {
    expect(leftoverLines(job)).toEqual([
      { text: 'Define VM web1', certainty: 'maybe', undo: 'virsh undefine …' },
      { text: 'Create volume web1-root', certainty: 'done', undo: 'virsh vol-delete …' },
    ]);
  });
  it('titles one or several jobs', () => {
    expect(recoveryTitle([job])).toBe('An interrupted compose left things on labhost1');
    expect(recoveryTitle([job, job])).toMatch(/^2 interrupted composes/);
  });
});
