import { describe, expect, it } from 'vitest';
import { REDACTED, redactSeed } from './redact';
import { buildSeedFiles, type SeedInput } from './seed';
import { HASH, HASH2, KEYS } from './test-keys';

function build(over: Partial<SeedInput>) {
  const r = buildSeedFiles({
    hostname: 'vm1',
    instanceId: 'iid-1',
    sshKeys: [KEYS.ed25519],
    nics: [{ mac: '52:54:00:00:00:01', addresses: ['10.0.0.5/24'] }],
    ...over,
  });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('redactSeed', () => {
  it('replaces the hash and changes nothing else', () => {
    for (const files of [build({ user: 'alice', passwordHash: HASH }), build({ passwordHash: HASH2 })]) {
      const shown = redactSeed(files);
      expect(shown.userData).not.toMatch(/\$6\$/);
      expect(shown.userData).toBe(files.userData.replace(/\$6\$\S+/, REDACTED));
      expect(shown.metaData).toBe(files.metaData);
      expect(shown.networkConfig).toBe(files.networkConfig);
    }
  });

  it("hides the user's own passwords too: clear ones, chpasswd lists, hashes in commands", () => {
    const userData = [
      '#cloud-config',
      '# root: $6$rounds=5000$abcdefgh$zzzzzzzzzzzzzzzzzzzz',
      'users:',
      '  - name: ops',
      '    plain_text_passwd: hunter2',
      '  - {name: dev, passwd: "$1$abcdefgh$xxxxxxxxxxxxxxxxxxxxxx"}',
      'chpasswd:',
      '  list: |',
      '    root:secret',
      '    ops:$6$abc$def',
      '  expire: false',
      'runcmd:',
      `  - echo 'root:${HASH}' | chpasswd -e`,
      'rh_subscription:',
      '  password: s3cret',
    ].join('\n');
    const shown = redactSeed(build({ userData: `${userData}\n` })).userData;
    for (const secret of ['hunter2', 'secret', 's3cret', '$6$', '$1$']) expect(shown).not.toContain(secret);
    expect(shown).toContain('root:<password hash>');
    expect(shown).toContain('ops:<password hash>');
    expect(shown).toContain(`echo 'root:${REDACTED}' | chpasswd -e`);
    expect(shown).toContain('plain_text_passwd: <password hash>');
  });

  it('still hides hashes in text that does not parse', () => {
    expect(redactSeed({ metaData: '', userData: `#cloud-config\nx: [\npassword: ${HASH}\n` }).userData).not.toContain(
      '$6$',
    );
  });
});
