import { describe, expect, it } from 'vitest';
import type { HostView } from '../../../shared/contract';
import { compareHosts, matchesSearch, queryHosts } from './host-query';

function host(over: Partial<HostView> & { name: string }): HostView {
  return {
    id: over.name,
    address: '10.0.0.1',
    port: 22,
    user: 'root',
    auth: { method: 'agent' },
    libvirtUri: 'qemu:///system',
    tags: [],
    kind: 'pod',
    pod: { defaultMacvlanMode: 'bridge', installMode: 'manual' },
    addedAt: '2026-01-01T00:00:00Z',
    status: 'online',
    refreshing: false,
    ...over,
  };
}

const facts = (cpus: number) => ({
  hostname: 'h',
  cpus,
  memoryKiB: 1,
  domainsTotal: 0,
  domainsRunning: 0,
  networksTotal: 0,
  networksActive: 0,
});

describe('host search and sort', () => {
  it('matches every word against name, target, tags and status label', () => {
    const h = host({ name: 'labhost1', tags: ['rack1'], status: 'authFailed' });
    expect(matchesSearch(h, 'lab rack1')).toBe(true);
    expect(matchesSearch(h, 'root@10.0.0.1:22')).toBe(true);
    expect(matchesSearch(h, 'auth failed')).toBe(true);
    expect(matchesSearch(h, 'lab rack2')).toBe(false);
  });

  it('sorts names naturally and puts hosts without facts last in both directions', () => {
    const hosts = [
      host({ name: 'h10', lastFacts: facts(4) }),
      host({ name: 'h2' }),
      host({ name: 'h1', lastFacts: facts(8) }),
    ];
    expect([...hosts].sort(compareHosts('name', 'asc')).map((h) => h.name)).toEqual(['h1', 'h2', 'h10']);
    expect([...hosts].sort(compareHosts('cpus', 'asc')).map((h) => h.name)).toEqual(['h10', 'h1', 'h2']);
    expect([...hosts].sort(compareHosts('cpus', 'desc')).map((h) => h.name)).toEqual(['h1', 'h10', 'h2']);
  });

  it('sorts problems first by status and filters by status', () => {
    const hosts = [
      host({ name: 'a' }),
      host({ name: 'b', status: 'hostKeyMismatch' }),
      host({ name: 'c', status: 'offline' }),
    ];
    expect(queryHosts(hosts, '', 'all', { key: 'status', direction: 'asc' }).map((h) => h.name)).toEqual([
      'b',
      'c',
      'a',
    ]);
    expect(queryHosts(hosts, '', 'offline', { key: 'name', direction: 'asc' }).map((h) => h.name)).toEqual(['c']);
  });
});
