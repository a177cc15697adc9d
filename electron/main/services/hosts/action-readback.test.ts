import { describe, expect, it } from 'vitest';
import type { DomainState } from '../../../../shared/snapshot/types';
import { confirmDomainState } from './action-readback';

/** A fake clock and a scripted series of `virsh domstate` answers. */
function deps(states: DomainState[]) {
  let t = 0;
  let i = 0;
  return {
    reads: () => i,
    d: {
      readState: async () => states[Math.min(i++, states.length - 1)]!,
      sleep: async (ms: number) => void (t += ms),
      now: () => t,
      pollMs: 500,
    },
  };
}

describe('VM actions read their result back (issue 12, item 2)', () => {
  it('fails a start whose VM stays shut off (the test driver says "started")', async () => {
    const { d } = deps(['shut off']);
    await expect(confirmDomainState('labtest1', 'vm2', 'start', d)).rejects.toMatchObject({
      shape: {
        kind: 'remote',
        message: expect.stringMatching(
          /vm2 on labtest1 was not started: .*"shut off" \(expected "running" or "idle"\)/,
        ),
      },
    });
  });
  it('accepts a start, resume and destroy that took effect', async () => {
    expect(await confirmDomainState('h', 'vm', 'start', deps(['running']).d)).toBe('running');
    expect(await confirmDomainState('h', 'vm', 'resume', deps(['running']).d)).toBe('running');
    expect(await confirmDomainState('h', 'vm', 'destroy', deps(['shut off']).d)).toBe('shut off');
  });
  it('waits for a guest to shut down in its own time', async () => {
    const s = deps(['running', 'in shutdown', 'in shutdown', 'shut off']);
    expect(await confirmDomainState('h', 'vm', 'shutdown', s.d)).toBe('shut off');
    expect(s.reads()).toBe(4);
  });
  it('gives up on a guest that ignores shutdown, and says what to do', async () => {
    const s = deps(['running']);
    await expect(confirmDomainState('h', 'vm', 'shutdown', s.d)).rejects.toMatchObject({
      shape: {
        message: expect.stringMatching(/not shut down: .*after up to 20 s the VM is "running"/),
        hint: expect.stringMatching(/Destroy powers it off/),
      },
    });
    expect(s.reads()).toBe(41);
  });
  it('does not wait on a state that is no step towards the goal', async () => {
    const s = deps(['paused']);
    await expect(confirmDomainState('h', 'vm', 'start', s.d)).rejects.toThrow(/"paused"/);
    expect(s.reads()).toBe(1);
  });
  it('leaves actions without an expected state unchecked', async () => {
    const s = deps(['running']);
    expect(await confirmDomainState('h', 'vm', 'reboot', s.d)).toBeUndefined();
    expect(s.reads()).toBe(0);
  });
});
