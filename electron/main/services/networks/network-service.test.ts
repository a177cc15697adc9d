import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, type HostConfig } from '../../../../shared/contract';
import { parseSnapshotOutput } from '../../../../shared/snapshot/parse-snapshot';
import type { ExecResult } from '../ssh/exec-channel';
import { KeyedLock } from '../jobs/keyed-lock';
import type { HostService } from '../hosts/host-service';
import type { RemoteRunner } from '../remote/remote-runner';
import { NetworkService } from './network-service';

const snapshot = parseSnapshotOutput(
  readFileSync(path.join(__dirname, '../../../../shared/snapshot/fixtures/labhost1.txt'), 'utf8'),
  '2026-01-01T00:00:00.000Z',
);
const host = {
  id: 'h1',
  name: 'labhost1',
  libvirtUri: 'qemu:///system',
  user: 'root',
  pod: { installMode: 'manual' },
} as unknown as HostConfig;

/** A runner that records every argv and fails the commands `failing` matches. */
function fakes(failing: RegExp | null) {
  const ran: string[] = [];
  const result = (ok: boolean): ExecResult =>
    ({
      outcome: ok ? 'ok' : 'exit',
      exitCode: ok ? 0 : 1,
      signal: null,
      stdout: '',
      stderr: ok ? '' : 'error: boom',
      durationMs: 1,
    }) as unknown as ExecResult;
  const runner = {
    exec: async (_h: HostConfig, argv: readonly string[]) => {
      const line = argv.join(' ');
      ran.push(line);
      return result(!(failing && failing.test(line)));
    },
    virsh: async () => '',
  } as unknown as RemoteRunner;
  const hosts = {
    configs: () => [host],
    refresh: async () => snapshot,
    marks: () => ({ interfaces: {}, subnets: {} }),
  } as unknown as HostService;
  return { ran, service: new NetworkService({ hosts, runner, lock: new KeyedLock() }) };
}

const spec = {
  name: 'n1',
  kind: 'nat' as const,
  ipv4: '10.77.0.1/24',
  dhcp: { start: '10.77.0.100', end: '10.77.0.200' },
};

describe('NetworkService.apply', () => {
  it('runs the planned commands in order, the XML on stdin', async () => {
    const { ran, service } = fakes(null);
    const r = await service.apply({ hostId: 'h1', change: { op: 'create', spec } });
    expect(r.commands).toEqual([
      'virsh --connect qemu:///system net-define --file /dev/stdin --validate',
      'virsh --connect qemu:///system net-autostart --network n1',
      'virsh --connect qemu:///system net-start --network n1',
    ]);
    expect(ran).toEqual(r.commands);
  });

  it('a failing step: the earlier ones are undone, newest first, and the error keeps the command and stderr', async () => {
    const { ran, service } = fakes(/net-start/);
    const err = await service.apply({ hostId: 'h1', change: { op: 'create', spec } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const shape = (err as AppError).shape;
    expect(shape).toMatchObject({
      kind: 'remote',
      command: 'virsh --connect qemu:///system net-start --network n1',
      stderr: 'error: boom',
    });
    expect(shape.message).toMatch(/Undone: .*net-autostart --network n1 --disable && .*net-undefine --network n1/);
    expect(ran.slice(3)).toEqual([
      'virsh --connect qemu:///system net-autostart --network n1 --disable',
      'virsh --connect qemu:///system net-undefine --network n1',
    ]);
  });

  it('refuses a plan with problems, running nothing', async () => {
    const { ran, service } = fakes(null);
    await expect(
      service.apply({ hostId: 'h1', change: { op: 'create', spec: { ...spec, name: 'maas' } } }),
    ).rejects.toMatchObject({
      shape: {
        kind: 'validation',
        message: expect.stringMatching(/^Nothing was changed on labhost1: .*already has a network named 'maas'/),
      },
    });
    expect(ran).toEqual([]);
  });
});
