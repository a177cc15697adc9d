import { describe, expect, it } from 'vitest';
import { HostMarks } from '../../../../shared/compose/marks';
import labhost1 from '../../../../shared/snapshot/fixtures/labhost1.txt?raw';
import { parseSnapshotOutput } from '../../../../shared/snapshot/parse-snapshot';
import { checkNewSubnet, markRows, marksFromRows, type MarkRow } from './marks-draft';

const lab = parseSnapshotOutput(labhost1, '2026-01-01T00:00:00.000Z');
const none = HostMarks.parse({});

const edit = (rows: MarkRow[], key: string, patch: Partial<MarkRow['fields']>): MarkRow[] =>
  rows.map((r) => (r.key === key ? { ...r, fields: { ...r.fields, ...patch } } : r));

describe('markRows', () => {
  it('lists the host’s subnets with where they are seen, and the markable interfaces', () => {
    const { subnets, interfaces } = markRows(lab, none, []);
    expect(subnets.map((r) => [r.target, r.seenOn])).toEqual([
      ['10.99.1.0/24', 'eth0'],
      ['192.168.50.0/24', 'br0'],
      ['192.168.122.0/24', 'virbr0, network default'],
      ['10.99.50.0/24', 'virbr1, network maas'],
    ]);
    expect(interfaces.map((r) => r.target)).toEqual(['eth0', 'eth1', 'eth2', 'br0', 'virbr0', 'virbr1']);
  });

  it('keeps marked subnets and interfaces the host no longer shows, and subnets added by hand', () => {
    const marks = HostMarks.parse({
      subnets: { '172.16.0.0/16': { space: 'dmz' } },
      interfaces: { bond9: { fabric: 'f' } },
    });
    const { subnets, interfaces } = markRows(lab, marks, ['10.1.0.0/16']);
    expect(subnets.find((r) => r.target === '172.16.0.0/16')).toMatchObject({
      seenOn: 'marked only: no address on the host',
      fields: { space: 'dmz' },
    });
    expect(subnets.at(-1)).toMatchObject({ target: '10.1.0.0/16', seenOn: 'added here' });
    expect(interfaces.at(-1)).toMatchObject({ target: 'bond9', fields: { fabric: 'f' } });
  });
});

describe('marksFromRows', () => {
  const rows = () => {
    const { subnets, interfaces } = markRows(lab, none, []);
    return [...subnets, ...interfaces];
  };

  it('saves only what was filled in, trimmed, with VID and tags parsed', () => {
    let r = edit(rows(), 'interface:virbr1', { externalDhcp: true });
    r = edit(r, 'subnet:192.168.50.0/24', { space: ' lab ', vid: '50', tags: 'pxe, , pxe,10g', name: 'office' });
    r = edit(r, 'interface:br0', { vid: 'untagged' });
    expect(marksFromRows(r, none)).toEqual({
      marks: {
        subnets: {
          '192.168.50.0/24': { name: 'office', space: 'lab', vid: 50, externalDhcp: false, tags: ['pxe', '10g'] },
        },
        interfaces: {
          virbr1: { externalDhcp: true, tags: [], subnets: [] },
          br0: { vid: 0, externalDhcp: false, tags: [], subnets: [] },
        },
      },
    });
  });

  it('refuses bad input with a message per field and saves nothing', () => {
    let r = edit(rows(), 'interface:br0', { vid: '5000' });
    r = edit(r, 'subnet:10.99.1.0/24', { vid: 'ten', fabric: 'x'.repeat(65) });
    const res = marksFromRows(r, none);
    expect(res).toEqual({
      errors: {
        'interface:br0': { vid: 'VLAN id is a whole number 0–4094 (0 = untagged)' },
        'subnet:10.99.1.0/24': {
          fabric: 'At most 64 characters',
          vid: 'VLAN id is a whole number 0–4094 (0 = untagged)',
        },
      },
      message: 'Nothing was saved: 2 rows need fixing (see the fields marked in red).',
    });
  });

  it('keeps the fields the table does not show', () => {
    const saved = HostMarks.parse({
      interfaces: { br0: { fabricClass: '10g', subnets: ['10.5.0.0/24'], linkSpeedMbps: 10000, space: 'old' } },
    });
    const { subnets, interfaces } = markRows(lab, saved, []);
    const res = marksFromRows(edit([...subnets, ...interfaces], 'interface:br0', { space: '' }), saved);
    expect(res).toEqual({
      marks: {
        subnets: {},
        interfaces: {
          br0: { fabricClass: '10g', subnets: ['10.5.0.0/24'], linkSpeedMbps: 10000, externalDhcp: false, tags: [] },
        },
      },
    });
  });
});

describe('checkNewSubnet', () => {
  it('canonicalises a CIDR and rejects junk and duplicates in words', () => {
    const existing = markRows(lab, none, []).subnets;
    expect(checkNewSubnet('10.7.0.9/16', existing)).toEqual({ cidr: '10.7.0.0/16' });
    expect(checkNewSubnet('10.7.0.0', existing)).toEqual({
      error: '"10.7.0.0" is not a CIDR — write it like 10.0.0.0/24',
    });
    expect(checkNewSubnet('192.168.50.1/24', existing)).toEqual({ error: '192.168.50.0/24 is already listed' });
  });
});
