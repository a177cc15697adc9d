import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EVENTS_SCRIPT, parseEventLine } from './event-stream';

describe('parseEventLine', () => {
  it('reads domain, network and pool lifecycle events, names with quotes and colons included', () => {
    expect(
      parseEventLine("D 2026-11-30 15:28:04.420+0000: event 'lifecycle' for domain 'live-probe0': Started Booted"),
    ).toEqual({
      kind: 'domain',
      name: 'live-probe0',
      event: 'lifecycle',
      detail: 'Started Booted',
    });
    expect(
      parseEventLine("D 2026-11-30 15:28:04.420+0000: event 'lifecycle' for domain 'a': b's': Stopped Destroyed"),
    ).toMatchObject({ name: "a': b's" });
    expect(
      parseEventLine("N 2026-11-30 15:28:04.420+0000: event 'lifecycle' for network 'default': Started"),
    ).toMatchObject({ kind: 'network', name: 'default' });
    expect(
      parseEventLine("P 2026-11-30 15:28:04.420+0000: event 'lifecycle' for storage pool 'default': Stopped"),
    ).toMatchObject({ kind: 'pool', name: 'default' });
    expect(parseEventLine("D event 'reboot' for domain 'x'")).toBeUndefined();
  });

  it('turns link changes into an interface re-read and a watcher restart into a full one; ignores noise', () => {
    expect(parseEventLine('I 27: vnet12: <BROADCAST,MULTICAST> mtu 1500')).toEqual({ kind: 'link' });
    expect(parseEventLine('R D watcher restarted')).toEqual({ kind: 'resync', why: 'D watcher restarted' });
    expect(parseEventLine('D error: Disconnected from qemu:///system due to end of file')).toBeUndefined();
    expect(parseEventLine('D ')).toBeUndefined();
  });

  it('is a POSIX sh script', () => {
    expect(spawnSync('sh', ['-n', '-c', EVENTS_SCRIPT]).status).toBe(0);
  });
});
