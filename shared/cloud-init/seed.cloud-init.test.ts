import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSeedFiles, type SeedInput } from './seed';
import { HASH, KEYS } from './test-keys';

/** The generated seeds checked by the real cloud-init (Debian's package), where it is installed. */

const hasCloudInit = spawnSync('cloud-init', ['--version'], { encoding: 'utf8' }).status === 0;
const dir = hasCloudInit ? mkdtempSync(join(tmpdir(), 'labdeck-seed-')) : '';
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const NIC = { mac: '52:54:00:00:00:01', addresses: [] };
const MATRIX: [string, Partial<SeedInput>][] = [
  ['bare', {}],
  ['default user with keys and password', { sshKeys: [KEYS.ed25519, KEYS.rsa], passwordHash: HASH }],
  ['named user, key only', { user: 'alice', sshKeys: [KEYS.ecdsa256] }],
  ['named user, password only', { user: 'alice', passwordHash: HASH }],
  [
    'named user merged into raw user-data',
    {
      user: 'alice',
      passwordHash: HASH,
      sshKeys: [KEYS.ed25519],
      userData: `#cloud-config\npackages: [vim]\nusers:\n  - default\n  - name: alice\n    groups: [adm]\nruncmd:\n  - [sh, -c, echo hi]\n`,
    },
  ],
  [
    'raw user-data with comments and a %YAML directive',
    { user: 'alice', userData: '#cloud-config\n# note\n%YAML 1.1\n---\npackages: [vim]\n' },
  ],
  [
    'default user merged into raw user-data',
    {
      sshKeys: [KEYS.ed25519],
      passwordHash: HASH,
      userData: `#cloud-config\nssh_pwauth: true\nssh_authorized_keys:\n  - ${KEYS.rsa}\nchpasswd:\n  expire: true\n`,
    },
  ],
];

describe.skipIf(!hasCloudInit)('generated user-data passes `cloud-init schema` [needs cloud-init]', () => {
  it.each(MATRIX)('%s', (name, over) => {
    const r = buildSeedFiles({ hostname: 'vm1', instanceId: 'iid-1', sshKeys: [], nics: [NIC], ...over });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const file = join(dir, `${name.replace(/\W+/g, '-')}.yaml`);
    writeFileSync(file, r.value.userData);
    const run = spawnSync('cloud-init', ['schema', '--config-file', file], { encoding: 'utf8' });
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
    expect(run.stdout).toContain('Valid cloud-config');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/deprecat/i);
  });
});

// cloud-init 22.4 has no schema for network-config; its converter parses it into its network
// state and renders it for each kind of guest, which fails on anything it does not understand.
describe.skipIf(!hasCloudInit)(
  'generated network-config renders with `cloud-init devel net-convert` [needs cloud-init]',
  () => {
    const nics: SeedInput['nics'] = [
      { mac: '52:54:00:AA:00:01', addresses: ['10.0.0.5/24', '2001:db8::5/64'], gateway: '10.0.0.1' },
      { mac: '52:54:00:aa:00:02', addresses: [] },
      { mac: '52:54:00:aa:00:03', addresses: ['192.168.7.9/28'] },
    ];
    const r = buildSeedFiles({ hostname: 'vm1', instanceId: 'iid-1', sshKeys: [], nics });

    it.each([
      [
        'eni',
        'debian',
        'etc/network/interfaces.d/50-cloud-init',
        [
          'iface nic0 inet static',
          'address 10.0.0.5/24',
          'gateway 10.0.0.1',
          'iface nic1 inet dhcp',
          'address 192.168.7.9/28',
        ],
      ],
      [
        'netplan',
        'ubuntu',
        'etc/netplan/50-cloud-init.yaml',
        ['macaddress: 52:54:00:aa:00:01', '10.0.0.5/24', 'gateway4: 10.0.0.1', 'dhcp4: true'],
      ],
      [
        'networkd',
        'debian',
        'etc/systemd/network/10-cloud-init-nic0.network',
        ['MACAddress=52:54:00:aa:00:01', 'Address=10.0.0.5/24', 'Gateway=10.0.0.1', 'Address=2001:db8::5/64'],
      ],
      [
        'sysconfig',
        'centos',
        'etc/sysconfig/network-scripts/ifcfg-nic0',
        ['HWADDR=52:54:00:aa:00:01', 'IPADDR=10.0.0.5', 'GATEWAY=10.0.0.1'],
      ],
    ])('as %s', (kind, distro, output, expected) => {
      expect(r.ok && r.value.networkConfig).toBeTruthy();
      if (!r.ok || !r.value.networkConfig) return;
      const input = join(dir, 'network-config');
      writeFileSync(input, r.value.networkConfig);
      const out = join(dir, `out-${kind}`);
      const run = spawnSync(
        'cloud-init',
        ['devel', 'net-convert', '-p', input, '-k', 'yaml', '-D', distro, '-O', kind, '-d', out],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      const text = readFileSync(join(out, output), 'utf8');
      for (const e of expected) expect(text).toContain(e);
    });
  },
);
