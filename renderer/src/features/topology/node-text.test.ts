import { describe, expect, it } from 'vitest';
import { detailParts, fitDetail } from './node-text';
import type { TopoNode } from './topology-types';

const vm = (state: string, size: string): TopoNode => ({
  id: 'vm:x',
  kind: 'vm',
  name: 'x',
  label: 'VM x',
  detail: `${state} · ${size}`,
  size,
  status: 'running',
  group: 4,
  warnings: [],
});

describe('a node’s second line', () => {
  it('splits a VM’s state from its size', () => {
    expect(detailParts(vm('running', '2 vCPU · 512 MiB'))).toEqual({ head: 'running', size: '2 vCPU · 512 MiB' });
    expect(detailParts({ ...vm('a', 'b'), size: undefined, detail: 'up · 10.0.0.1/24' })).toEqual({
      head: 'up · 10.0.0.1/24',
    });
  });

  it('is shortened in the state, never in the memory', () => {
    expect(fitDetail(vm('running', '2 vCPU · 512 MiB'), 31)).toBe('running · 2 vCPU · 512 MiB');
    expect(fitDetail(vm('pmsuspended', '16 vCPU · 1023.5 MiB'), 31)).toBe('pmsuspe… · 16 vCPU · 1023.5 MiB');
    expect(fitDetail(vm('running', '16 vCPU · 1023.5 MiB'), 18)).toBe('16 vCPU · 1023.5 MiB');
  });
});
