import { describe, expect, it } from 'vitest';
import { buildSeedFiles, type SeedInput } from './seed';
import { HASH, HASH2, KEYS } from './test-keys';
const BASE: SeedInput = {
  hostname: 'vm1',
  instanceId: 'iid-vm1',
  sshKeys: [],
  nics: [{ mac: '52:54:00:00:00:01', addresses: [] }],
};

function build(over: Partial<SeedInput>) {
  const r = buildSeedFiles({ ...BASE, ...over });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
function fails(over: Partial<SeedInput>): string {
  const r = buildSeedFiles({ ...BASE, ...over });
  if (r.ok) throw new Error(`expected a failure, got ${r.value.userData}`);
  return r.error;
}

describe('buildSeedFiles: golden output', () => {
  it('a named user with a password and a key, one static NIC and one DHCP NIC', () => {
    const files = build({
      user: 'alice',
      passwordHash: HASH,
      sshKeys: [KEYS.ed25519],
      nics: [
        { mac: '52:54:00:AA:00:01', addresses: ['10.0.0.5/24', '2001:db8::5/64'], gateway: '10.0.0.1' },
        { mac: '52:54:00:aa:00:02', addresses: [] },
      ],
    });
    expect(files.metaData).toBe('instance-id: iid-vm1\nlocal-hostname: vm1\n');
    expect(files.userData).toBe(`#cloud-config
hostname: vm1
users:
  - name: alice
    lock_passwd: false
    hashed_passwd: ${HASH}
    ssh_authorized_keys:
      - ${KEYS.ed25519}
    sudo: ALL=(ALL) NOPASSWD:ALL
`);
    expect(files.networkConfig).toBe(`version: 2
ethernets:
  nic0:
    match:
      macaddress: "52:54:00:aa:00:01"
    addresses:
      - 10.0.0.5/24
      - 2001:db8::5/64
    gateway4: 10.0.0.1
  nic1:
    match:
      macaddress: "52:54:00:aa:00:02"
    dhcp4: true
`);
  });

  it('the default user: users: [default], top-level keys, password with chpasswd expire false', () => {
    const files = build({ passwordHash: HASH, sshKeys: [KEYS.rsa, KEYS.ecdsa256] });
    expect(files.userData).toBe(`#cloud-config
hostname: vm1
users:
  - default
ssh_authorized_keys:
  - ${KEYS.rsa}
  - ${KEYS.ecdsa256}
password: ${HASH}
chpasswd:
  expire: false
`);
    expect(files.networkConfig).toBeUndefined();
  });

  it('a user without password is locked, has no empty key list, and DHCP-only NICs get no network-config', () => {
    const files = build({
      user: 'bob',
      nics: [
        { mac: '52:54:00:00:00:01', addresses: [] },
        { mac: '52:54:00:00:00:02', addresses: [] },
      ],
    });
    expect(files.userData).toBe(
      '#cloud-config\nhostname: vm1\nusers:\n  - name: bob\n    lock_passwd: true\n    sudo: ALL=(ALL) NOPASSWD:ALL\n',
    );
    expect(files).not.toHaveProperty('networkConfig');
  });

  it('quotes what YAML 1.1 would misread: a hostname "no", a numeric hostname', () => {
    expect(build({ hostname: 'no' }).metaData).toBe('instance-id: iid-vm1\nlocal-hostname: "no"\n');
    expect(build({ hostname: '1234' }).userData).toContain('hostname: "1234"\n');
  });

  it('drops a key given twice (same key, other comment)', () => {
    const files = build({ sshKeys: [KEYS.ed25519, KEYS.ed25519.replace('me@lab ed25519', 'again')] });
    expect(files.userData.match(/ssh-ed25519/g)).toHaveLength(1);
  });
});

describe('buildSeedFiles: merging raw user-data', () => {
  it("keeps the user's keys, comments and style; LabDeck's fields come after", () => {
    const userData =
      '#cloud-config\n# my packages\npackages: [vim, htop]\nruncmd:\n  - echo hi\nwrite_files:\n  - path: /etc/x\n    permissions: 0644\n    content: x\n';
    const files = build({ user: 'alice', sshKeys: [KEYS.ed25519], userData });
    expect(files.userData).toBe(`#cloud-config
# my packages
packages: [ vim, htop ]
runcmd:
  - echo hi
write_files:
  - path: /etc/x
    permissions: 0644
    content: x
hostname: vm1
users:
  - name: alice
    lock_passwd: true
    ssh_authorized_keys:
      - ${KEYS.ed25519}
    sudo: ALL=(ALL) NOPASSWD:ALL
`);
  });

  it("the user's hostname (or fqdn) wins over the VM name; meta-data keeps the VM name", () => {
    const files = build({ userData: '#cloud-config\nhostname: inside\n' });
    expect(files.userData).toBe('#cloud-config\nhostname: inside\nusers:\n  - default\n');
    expect(files.metaData).toContain('local-hostname: vm1');
    expect(build({ userData: '#cloud-config\nfqdn: a.example.com\n' }).userData).not.toContain('hostname:');
  });

  it("appends LabDeck's user to an existing users list", () => {
    const files = build({
      user: 'alice',
      userData: '#cloud-config\nusers:\n  - default\n  - name: bob\n    shell: /bin/zsh\n',
    });
    expect(files.userData).toBe(
      '#cloud-config\nusers:\n  - default\n  - name: bob\n    shell: /bin/zsh\n  - name: alice\n    lock_passwd: true\n    sudo: ALL=(ALL) NOPASSWD:ALL\nhostname: vm1\n',
    );
  });

  it('adds keys and the password to an entry of the same name, keeping its own settings', () => {
    const userData = `#cloud-config\nusers:\n  - name: alice\n    sudo: false\n    groups: [wheel]\n    ssh_authorized_keys:\n      - ${KEYS.rsa}\n`;
    const files = build({ user: 'alice', passwordHash: HASH, sshKeys: [KEYS.ed25519, KEYS.rsa], userData });
    expect(files.userData).toBe(`#cloud-config
users:
  - name: alice
    sudo: false
    groups: [ wheel ]
    ssh_authorized_keys:
      - ${KEYS.rsa}
      - ${KEYS.ed25519}
    lock_passwd: false
    hashed_passwd: ${HASH}
hostname: vm1
`);
  });

  it("turns a bare name in users into LabDeck's entry", () => {
    const files = build({ user: 'alice', userData: '#cloud-config\nusers: [default, alice]\n' });
    expect(files.userData).toContain(
      'users: [ default, { name: alice, lock_passwd: true, sudo: ALL=(ALL) NOPASSWD:ALL } ]',
    );
  });

  it('default user: appends default and keys to what the user wrote', () => {
    const userData = `#cloud-config\nusers:\n  - name: ops\nssh_authorized_keys:\n  - ${KEYS.rsa}\nchpasswd:\n  expire: true\n`;
    const files = build({ passwordHash: HASH, sshKeys: [KEYS.ed25519], userData });
    expect(files.userData).toBe(`#cloud-config
users:
  - name: ops
  - default
ssh_authorized_keys:
  - ${KEYS.rsa}
  - ${KEYS.ed25519}
chpasswd:
  expire: true
hostname: vm1
password: ${HASH}
`);
  });

  it('refuses what it cannot merge, saying what to change', () => {
    expect(
      fails({ user: 'alice', passwordHash: HASH, userData: '#cloud-config\nusers:\n  - name: alice\n    passwd: x\n' }),
    ).toMatch(/already gives alice a password \(passwd\)/);
    expect(
      fails({
        user: 'alice',
        passwordHash: HASH,
        userData: '#cloud-config\nusers:\n  - name: alice\n    lock_passwd: true\n',
      }),
    ).toMatch(/locks alice's password/);
    expect(fails({ user: 'alice', userData: '#cloud-config\nusers: {alice: {}}\n' })).toMatch(/users: is not a list/);
    expect(
      fails({
        user: 'alice',
        sshKeys: [KEYS.ed25519],
        userData: '#cloud-config\nusers:\n  - name: alice\n    ssh_authorized_keys: oops\n',
      }),
    ).toMatch(/entry for alice: ssh_authorized_keys is not a list/);
    expect(fails({ passwordHash: HASH, userData: `#cloud-config\npassword: ${HASH2}\n` })).toMatch(
      /already sets the default user's password/,
    );
    expect(
      fails({
        passwordHash: HASH,
        userData: '#cloud-config\nchpasswd:\n  users:\n    - {name: root, password: x, type: text}\n',
      }),
    ).toMatch(/chpasswd lists users/);
    expect(fails({ sshKeys: [KEYS.ed25519], userData: '#cloud-config\nusers: ops\n' })).toMatch(/holding default/);
    expect(fails({ passwordHash: `$y$j9T$abc$${'a'.repeat(43)}` })).toMatch(/yescrypt.*named user/);
    expect(fails({ userData: '#!/bin/sh\necho\n' })).toMatch(/^User-data: This is a script/);
    expect(fails({ hostname: '-x', userData: '#cloud-config\na: [\n' }).split('\n')).toEqual([
      expect.stringMatching(/hostname/),
      expect.stringMatching(/^User-data: Line 3, column 1: /),
    ]);
  });

  it('keeps the header first for an empty body, comments and a %YAML directive', () => {
    expect(build({ userData: '#cloud-config\n' }).userData).toBe(
      '#cloud-config\n\nhostname: vm1\nusers:\n  - default\n',
    );
    expect(build({ userData: '#cloud-config\n%YAML 1.1\n---\nfoo: 1\n' }).userData).toBe(
      '#cloud-config\n\n%YAML 1.1\n---\nfoo: 1\nhostname: vm1\nusers:\n  - default\n',
    );
  });

  it('accepts the same password given in both places', () => {
    expect(
      build({ passwordHash: HASH, userData: `#cloud-config\npassword: ${HASH}\n` }).userData.match(/password: /g),
    ).toHaveLength(1);
  });

  it('gives a yescrypt hash to a named user', () => {
    const y = `$y$j9T$abc$${'a'.repeat(43)}`;
    expect(build({ user: 'alice', passwordHash: y }).userData).toContain(`hashed_passwd: ${y}\n`);
  });
});

describe('buildSeedFiles: invalid input', () => {
  it('lists every problem, one per line', () => {
    const error = fails({
      hostname: 'bad_name',
      instanceId: 'a/b',
      user: 'Alice',
      passwordHash: 'hunter2',
      sshKeys: [KEYS.ed25519, 'ssh-ed25519'],
      nics: [{ mac: '52:54:00:00:00:1', addresses: [] }],
    });
    expect(error.split('\n')).toEqual([
      'The hostname "bad_name" is not a DNS label: 1–63 letters, digits and inner dashes.',
      'The instance id "a/b" must be 1–128 letters, digits, dots, dashes, colons or underscores.',
      'The user name "Alice" must start with a lowercase letter or _, then lowercase letters, digits, - and _, at most 32 characters.',
      'The password must be a crypt(3) hash ($6$…, $5$… or $y$…), never the password itself; hash it first (e.g. openssl passwd -6).',
      'SSH key 2: The ssh-ed25519 key has no key data after its type.',
      'NIC 0 (nic0): "52:54:00:00:00:1" is not a MAC address; write it like 52:54:00:12:34:56.',
    ]);
  });

  it.each([
    [[{ mac: '01:00:5e:00:00:01', addresses: [] }], /multicast/],
    [
      [
        { mac: '52:54:00:00:00:01', addresses: [] },
        { mac: '52:54:00:00:00:01', addresses: [] },
      ],
      /already used by another NIC/,
    ],
    [[{ mac: '52:54:00:00:00:01', addresses: ['10.0.0.5'] }], /needs its prefix length, like 10.0.0.5\/24/],
    [[{ mac: '52:54:00:00:00:01', addresses: ['10.0.0.300/24'] }], /not an address with a prefix/],
    [[{ mac: '52:54:00:00:00:01', addresses: ['10.0.0.0/24'] }], /network's own address/],
    [[{ mac: '52:54:00:00:00:01', addresses: ['10.0.0.255/24'] }], /broadcast/],
    [[{ mac: '52:54:00:00:00:01', addresses: [], gateway: '10.0.0.1' }], /gateway needs a static address/],
    [
      [{ mac: '52:54:00:00:00:01', addresses: ['10.0.0.5/24'], gateway: '10.0.1.1' }],
      /not in any of the NIC's subnets \(10.0.0.5\/24\)/,
    ],
    [[{ mac: '52:54:00:00:00:01', addresses: ['10.0.0.5/24'], gateway: '10.0.0.5' }], /NIC's own address/],
    [[{ mac: '52:54:00:00:00:01', addresses: ['10.0.0.5/24'], gateway: 'router' }], /not an IP address/],
    [
      [
        { mac: '52:54:00:00:00:01', addresses: ['10.0.0.5/24'], gateway: '10.0.0.1' },
        { mac: '52:54:00:00:00:02', addresses: ['10.0.1.5/24'], gateway: '10.0.1.1' },
      ],
      /Only one NIC can have the IPv4 default gateway/,
    ],
  ])('NICs %j', (nics, message) => {
    expect(fails({ nics })).toMatch(message);
  });

  it('takes a /31 and /32 address and an IPv6 gateway', () => {
    const files = build({
      nics: [{ mac: '52:54:00:00:00:01', addresses: ['10.0.0.0/31', '2001:db8::5/64'], gateway: '2001:db8::1' }],
    });
    expect(files.networkConfig).toContain('      - 10.0.0.0/31\n      - 2001:db8::5/64\n    gateway6: 2001:db8::1\n');
  });
});
