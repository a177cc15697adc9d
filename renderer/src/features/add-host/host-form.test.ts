import { describe, expect, it } from 'vitest';
import { emptyHostForm, parseHostForm, sameAddressHosts, splitTags } from './host-form';

const valid = { ...emptyHostForm, name: 'labhost1', address: '10.99.1.2' };

describe('parseHostForm', () => {
  it('accepts a filled-in form with the dialog defaults', () => {
    const r = parseHostForm({ ...valid, tags: ' kvm, rack1 ,, ' });
    expect(r).toEqual({
      ok: true,
      input: expect.objectContaining({
        port: 22,
        user: 'root',
        libvirtUri: 'qemu:///system',
        auth: { method: 'agent' },
        tags: ['kvm', 'rack1'],
      }),
    });
  });

  it('puts each contract message on its own field', () => {
    const r = parseHostForm({ ...valid, name: ' ', address: 'bad host!', port: '70000', auth: 'key', keyPath: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toBe('Name is required');
    expect(r.errors.address).toMatch(/letters, digits/);
    expect(r.errors.port).toBe('Port is 1–65535');
    expect(r.errors.keyPath).toBe('Choose a key file');
  });

  it('treats a non-numeric port as a port error, not a type error', () => {
    const r = parseHostForm({ ...valid, port: '22a' });
    expect(r.ok ? undefined : r.errors.port).toBe('Port is 1–65535');
  });

  it('splits tags on commas and drops blanks', () => {
    expect(splitTags('a, b,,c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('sameAddressHosts (issue 10, defect 1: warn about a second entry for one address)', () => {
  const h = (id: string, address: string, port: number) =>
    ({ id, name: id, address, port, user: 'root' }) as unknown as import('../../../../shared/contract').HostView;
  it('finds other entries at the same address and port, ignoring the one being edited', () => {
    const hosts = [h('a', '10.99.1.2', 22), h('b', '10.99.1.2', 2222), h('c', '10.0.0.1', 22)];
    expect(sameAddressHosts({ address: ' 10.99.1.2 ', port: '22' }, hosts).map((x) => x.id)).toEqual(['a']);
    expect(sameAddressHosts({ address: '10.99.1.2', port: '22' }, hosts, 'a')).toEqual([]);
    expect(sameAddressHosts({ address: '', port: '22' }, hosts)).toEqual([]);
  });
});
