import { describe, expect, it } from 'vitest';
import { checkSshKey } from './ssh-key';
import { KEYS } from './test-keys';

describe('checkSshKey', () => {
  it.each(Object.entries(KEYS))('accepts a real %s key and normalises its spacing', (_, key) => {
    expect(checkSshKey(`  ${key.replace(' ', '   ')}\t`)).toEqual({ ok: true, value: key.trim() });
  });

  it.each([
    ['', /empty/],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----', /private key/],
    [`${KEYS.ed25519}\n${KEYS.rsa}`, /one SSH public key per entry/],
    ['ssh-dss AAAAB3NzaC1kc3MAAACBAP', /DSA/],
    [`from="10.0.0.0/8" ${KEYS.ed25519}`, /options/],
    ['AAAAC3NzaC1lZDI1NTE5AAAAIJPzHsUVuXZGuTnV04jmLEYxnSc16cT8JwE9g7e09gEu', /not an SSH public key type/],
    ['ssh-ed25519', /no key data/],
    ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJPzHsUVuXZGuTnV04jm', /damaged or cut off/],
    [KEYS.rsa.replace('ssh-rsa', 'ssh-ed25519'), /damaged or cut off.*ssh-ed25519/],
    ['ssh-rsa not*base64', /damaged/],
    [KEYS.rsa.slice(0, 300), /damaged or cut off/],
  ])('refuses %j', (line, message) => {
    const r = checkSshKey(line);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });
});
