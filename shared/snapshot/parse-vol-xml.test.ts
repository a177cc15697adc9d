import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseVolumeXml } from './parse-vol-xml';

/** `virsh vol-dumpxml` captured on the lab host (libvirt 9.0, dir pool); see fixtures/README.md. */
const vol = (name: string) => readFileSync(path.join(__dirname, 'fixtures', 'vol', name), 'utf8');
const POOL = '/work/main/e2e/lab/.state/labhost1/pool';

describe('parseVolumeXml (real vol-dumpxml)', () => {
  it('reads a raw image', () => {
    expect(parseVolumeXml(vol('raw-base.xml'))).toEqual({
      name: 'b2probe-base.img',
      path: `${POOL}/b2probe-base.img`,
      type: 'file',
      capacityBytes: 20971520,
      allocationBytes: 20971520,
      format: 'raw',
    });
  });

  it('reads a qcow2 overlay with its backing store', () => {
    expect(parseVolumeXml(vol('qcow2-overlay.xml'))).toEqual({
      name: 'b2probe-ov.qcow2',
      path: `${POOL}/b2probe-ov.qcow2`,
      type: 'file',
      capacityBytes: 104857600,
      allocationBytes: 200704,
      format: 'qcow2',
      backingStore: { path: `${POOL}/b2probe-base.img`, format: 'raw' },
    });
  });

  it('sees an ISO as format iso (after a pool refresh) and a directory as a dir', () => {
    expect(parseVolumeXml(vol('iso.xml'))).toMatchObject({ format: 'iso', capacityBytes: 372736 });
    expect(parseVolumeXml(vol('qcow2-base.xml'))).toMatchObject({ format: 'qcow2', capacityBytes: 20971520 });
    expect(parseVolumeXml(vol('dir.xml'))).toMatchObject({ type: 'dir', format: 'dir', capacityBytes: 0 });
  });

  it('takes units, a missing format (block volumes) and rejects non-volumes', () => {
    const lv =
      "<volume type='block'><name>lv1</name><key>k</key><capacity unit='GiB'>2</capacity><allocation>0</allocation><target><path>/dev/vg/lv1</path></target></volume>";
    expect(parseVolumeXml(lv)).toEqual({
      name: 'lv1',
      path: '/dev/vg/lv1',
      type: 'block',
      capacityBytes: 2 * 1024 ** 3,
      allocationBytes: 0,
      format: 'raw',
    });
    expect(parseVolumeXml('<pool><name>x</name></pool>')).toBeUndefined();
    expect(parseVolumeXml('error: failed to get vol')).toBeUndefined();
  });
});
