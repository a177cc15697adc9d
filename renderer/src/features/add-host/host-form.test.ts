import { describe, expect, it } from 'vitest';
import { emptyHostForm, parseHostForm, splitTags } from './host-form';

const valid = { ...emptyHostForm, name: 'labhost1', address: '10.99.1.2' };

describe('parseHostForm', () => {
  it('accepts a filled-in form with the dialog defaults', () => {
    const r = parseHostForm({ ...valid, tags: ' kvm, rack1 ,, ' });
    expect(r).toEqual({
      ok: true,
      input: expect.objectContaining({ port: 22, user: 'root', libvirtUri: 'qemu:///system', auth: { method: 'agent' }, tags: ['kvm', 'rack1'] }),
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
