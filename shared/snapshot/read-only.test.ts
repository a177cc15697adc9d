import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSnapshotOutput } from './parse-snapshot';
import { hostReadOnlyReason, readOnlyReason } from './read-only';

describe('read-only libvirt hosts (issue 12, item 2)', () => {
  it('recognises the test driver, whose changes end with the virsh process', () => {
    expect(readOnlyReason('test:///work/lab/node.xml')).toMatch(/test driver .*nothing changed here persists/);
    expect(readOnlyReason('test:///default')).toBeDefined();
    expect(readOnlyReason('test+ssh://h/default')).toBeDefined();
  });
  it('recognises a read-only URI', () => {
    expect(readOnlyReason('qemu:///system?readonly')).toMatch(/read-only connection/);
    expect(readOnlyReason('qemu+ssh://root@h/system?keyfile=k&readonly=1')).toMatch(/read-only/);
  });
  it('leaves writable URIs alone', () => {
    for (const u of ['qemu:///system', 'qemu:///session', 'qemu+ssh://h/system?keyfile=/x/readonly', undefined, '']) {
      expect(readOnlyReason(u), String(u)).toBeUndefined();
    }
  });
  it('puts the verdict into the snapshot, and the configured URI counts too', () => {
    const labhost1 = parseSnapshotOutput(readFileSync(path.join(__dirname, 'fixtures/labhost1.txt'), 'utf8'), 'x');
    expect(labhost1.libvirt?.readOnly).toBeUndefined();
    expect(hostReadOnlyReason('qemu:///system', labhost1)).toBeUndefined();
    expect(hostReadOnlyReason('qemu:///system?readonly', labhost1)).toMatch(/read-only/);
    const labtest1 = parseSnapshotOutput(readFileSync(path.join(__dirname, 'fixtures/labtest1.txt'), 'utf8'), 'x');
    expect(labtest1.libvirt?.readOnly?.reason).toMatch(/test driver/);
    expect(hostReadOnlyReason('qemu:///system', labtest1)).toMatch(/test driver/);
  });
});
