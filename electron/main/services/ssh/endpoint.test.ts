import { describe, expect, it } from 'vitest';
import { endpointKey, poolKey } from './endpoint';

describe('poolKey (issue 10, defect 1: credentials never shared between entries)', () => {
  const base = { address: '10.99.1.2', port: 22, user: 'root', auth: { method: 'key' as const, keyPath: '/keys/a' } };

  it('differs when only the credentials differ', () => {
    expect(poolKey(base)).not.toBe(poolKey({ ...base, auth: { method: 'key', keyPath: '/nonexistent' } }));
    expect(poolKey(base)).not.toBe(poolKey({ ...base, auth: { method: 'agent' } }));
    expect(poolKey({ ...base, auth: { method: 'agent' } })).not.toBe(
      poolKey({ ...base, auth: { method: 'password' } }),
    );
  });

  it('is the same for the same login, however the key path is spelled', () => {
    expect(poolKey(base)).toBe(poolKey({ ...base, auth: { method: 'key', keyPath: '/keys/./a' } }));
  });

  it('cannot be made ambiguous by @, : or spaces in the user, nor by jump chains', () => {
    const a = { ...base, user: 'a@b', address: 'c' };
    const b = { ...base, user: 'a', address: 'b@c' };
    expect(endpointKey(a)).toBe(endpointKey(b)); // the readable label is ambiguous…
    expect(poolKey(a)).not.toBe(poolKey(b)); // …the identity is not
    const c = { ...base, user: 'root', address: 'h', port: 22 };
    const d = { ...base, user: 'root@h:22 via root', address: 'h', port: 22 };
    expect(poolKey({ ...c, jump: { ...base } })).not.toBe(poolKey(d));
    expect(poolKey({ ...c, jump: { ...base } })).not.toBe(
      poolKey({ ...c, jump: { ...base, auth: { method: 'agent' } } }),
    );
  });
});
