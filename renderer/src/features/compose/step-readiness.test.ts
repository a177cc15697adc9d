import { describe, expect, it } from 'vitest';
import { initialDraft, type ComposeDraft } from './compose-draft';
import { blocksStep, formBlocker, refusalStep } from './step-readiness';

const draft = (p: Partial<ComposeDraft> = {}): ComposeDraft => ({ ...initialDraft(), hostname: 'vm1', ...p });
const pools = { pools: [{ name: 'default', active: true, availableBytes: 50e9 }], defaultPool: null };

describe('storage errors hold the Resources step (issue 12, #4)', () => {
  it('root:99999 with a 50 GB pool blocks Resources with the pool error, not Interfaces', () => {
    const b = formBlocker(draft({ storage: 'root:99999' }), pools);
    expect(b).toMatchObject({ step: 'resources' });
    expect(b?.message).toMatch(/^Storage: .*no storage pool has 99999 GB free for root/);
    expect(blocksStep(b, 'resources')).toBe(true);
  });

  it('a disk that fits is no blocker; before the pools are known only the grammar is checked', () => {
    expect(formBlocker(draft({ storage: 'root:8' }), pools)).toBeNull();
    expect(formBlocker(draft({ storage: 'root:99999' }))).toBeNull();
    expect(formBlocker(draft({ storage: 'root:99999' }), null)).toBeNull();
  });

  it('a disk tagged with a pool that does not exist, or a host without pools, blocks Resources', () => {
    expect(formBlocker(draft({ storage: 'root:8' }), { pools: [], defaultPool: null })).toMatchObject({
      step: 'resources',
      message: expect.stringMatching(/no storage pools/),
    });
  });

  it("the engine's storage refusal belongs to Resources; install and NIC refusals where they were", () => {
    expect(
      refusalStep({
        kind: 'validation',
        message: 'storage: not enough space for root (99999 GB) in default (50 GB free)',
      }),
    ).toBe('resources');
    expect(refusalStep({ kind: 'validation', message: 'install: the volume default/x.img does not exist' })).toBe(
      'install',
    );
    expect(refusalStep({ kind: 'validation', message: 'interfaces: eth0: nothing matches' })).toBe('interfaces');
    expect(refusalStep({ kind: 'ssh', message: 'storage: whatever' })).toBe('interfaces');
  });
});
