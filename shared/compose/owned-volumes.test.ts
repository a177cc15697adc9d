import { describe, expect, it } from 'vitest';
import type { DomainDisk } from '../snapshot/types';
import { ownedDisks, seedVolumeName } from './owned-volumes';

const disk = (device: string, target: string, file: string): DomainDisk => ({
  device,
  type: 'file',
  target,
  source: { file },
});

describe('ownedDisks', () => {
  it('keeps the VM’s own disks and its seed, never shared install media', () => {
    const disks = [
      disk('disk', 'vda', '/pool/web1-root.qcow2'),
      disk('cdrom', 'hdc', '/pool/debian-12.iso'),
      disk('cdrom', 'hdd', `/pool/${seedVolumeName('web1')}`),
      disk('cdrom', 'hdb', '/pool/web2-cidata.iso'),
      { device: 'cdrom', type: 'file', target: 'sda', source: null },
    ];
    expect(ownedDisks({ name: 'web1', disks }).map((d) => d.target)).toEqual(['vda', 'hdd']);
  });

  it('skips disks without a target or a source', () => {
    expect(
      ownedDisks({
        name: 'x',
        disks: [
          { device: 'disk', type: 'file', source: { file: '/a' } },
          { device: 'disk', type: 'file', target: 'vda', source: null },
        ],
      }),
    ).toEqual([]);
  });
});
