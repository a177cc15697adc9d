import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLab } from '../lab/lab-description';
import { canPing, openSerial, randomMac, virsh, waitForLease, waitForSsh, type Serial } from './guests';

// The lab's tiny guest on labhost1, defined with plain virsh (not through LabDeck): a cloud-image
// boot (qcow2 overlay on the pool's cloud volume + a NoCloud seed from cloud-localds on a SATA
// CD-ROM; DHCP on 'default', a static address on 'maas') and an install-ISO boot (IDE CD-ROM).
// Both boot at once under TCG; everything created is named guesttest-… and removed afterwards.

const lab = readLab();
const run = `guesttest-${Date.now().toString(36)}`;
const cloud = { name: `${run}-cloud`, mac1: randomMac(), mac2: randomMac(), hostname: `gt${Date.now().toString(36)}` };
const iso = { name: `${run}-iso`, mac: randomMac() };
const staticIp = `10.99.50.${150 + Math.floor(Math.random() * 100)}`; // 'maas' is 10.99.50.0/24, no DHCP
const vols = { overlay: `${run}-root.qcow2`, seed: `${run}-seed.iso` };
const BOOT_MS = 120_000; // a TCG boot takes 10–30 s on this 2-core machine, more when it is busy
let tmp = '';
const serials: Serial[] = [];
let cloudSerial: Serial;
let isoSerial: Serial;

const nic = (mac: string, network: string) => `
    <interface type='network'><mac address='${mac}'/><source network='${network}'/><model type='virtio'/><rom enabled='no'/></interface>`;

// <acpi/> matters: without it libvirt starts QEMU with -no-acpi and there is no power button.
function domainXml(name: string, boot: 'hd' | 'cdrom', devices: string): string {
  return `<domain type='qemu'>
  <name>${name}</name>
  <memory unit='MiB'>${lab.guest.minMemoryMiB}</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='${boot}'/></os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff><on_reboot>restart</on_reboot><on_crash>destroy</on_crash>
  <devices>${devices}
    <serial type='pty'><target port='0'/></serial>
    <console type='pty'><target type='serial' port='0'/></console>
    <controller type='usb' model='none'/>
    <memballoon model='none'/>
  </devices>
</domain>`;
}

async function defineAndStart(name: string, xml: string): Promise<Serial> {
  const f = path.join(tmp, `${name}.xml`);
  writeFileSync(f, xml);
  await virsh('define', f);
  await virsh('start', name);
  const s = await openSerial(name);
  serials.push(s);
  return s;
}

async function removeLeftovers(prefix: string): Promise<void> {
  for (const d of (await virsh('list', '--all', '--name')).split('\n').filter((n) => n.startsWith(prefix))) {
    await virsh('destroy', d).catch(() => undefined);
    await virsh('undefine', d).catch(() => undefined);
  }
  for (const line of (await virsh('vol-list', lab.guest.pool)).split('\n')) {
    const v = line.trim().split(/\s+/)[0];
    if (v?.startsWith(prefix)) await virsh('vol-delete', '--pool', lab.guest.pool, v).catch(() => undefined);
  }
}

async function domstate(name: string): Promise<string> {
  return (await virsh('domstate', name)).trim();
}

async function waitForState(name: string, want: string, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  while ((await domstate(name)) !== want) {
    if (Date.now() - t0 > timeoutMs)
      throw new Error(`${name} not "${want}" within ${timeoutMs} ms (is "${await domstate(name)}")`);
    await new Promise((f) => setTimeout(f, 250));
  }
  return Date.now() - t0;
}

describe('the lab guest on labhost1', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'guesttest-'));
    await removeLeftovers('guesttest-'); // (a run that was killed before its afterAll)

    // The seed, as LabDeck would write it: user-data, meta-data and a v2 network-config.
    writeFileSync(
      path.join(tmp, 'user-data'),
      [
        '#cloud-config',
        `hostname: ${cloud.hostname}`,
        'users:',
        '  - name: lab',
        '    ssh_authorized_keys:',
        `      - ${lab.clientPublicKey}`,
        '    lock_passwd: true',
        "    sudo: 'ALL=(ALL) NOPASSWD:ALL'",
        '    shell: /bin/bash',
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(tmp, 'meta-data'), `instance-id: ${run}\nlocal-hostname: ${cloud.hostname}\n`);
    writeFileSync(
      path.join(tmp, 'network-config'),
      [
        'version: 2',
        'ethernets:',
        '  nic0:',
        '    match:',
        `      macaddress: "${cloud.mac1}"`,
        '    dhcp4: true',
        '  nic1:',
        '    match:',
        `      macaddress: "${cloud.mac2}"`,
        `    addresses: [ "${staticIp}/24" ]`,
        '',
      ].join('\n'),
    );
    const seedFile = path.join(tmp, 'seed.iso');
    execFileSync('cloud-localds', [
      '-N',
      path.join(tmp, 'network-config'),
      seedFile,
      path.join(tmp, 'user-data'),
      path.join(tmp, 'meta-data'),
    ]);

    const pool = lab.guest.pool;
    await virsh(
      'vol-create-as',
      pool,
      vols.overlay,
      '256M',
      '--format',
      'qcow2',
      '--backing-vol',
      lab.guest.cloudVolume,
      '--backing-vol-format',
      'raw',
    );
    await virsh('vol-create-as', pool, vols.seed, String(statSync(seedFile).size), '--format', 'raw');
    await virsh('vol-upload', '--pool', pool, vols.seed, seedFile);
    const volPath = async (v: string) => (await virsh('vol-path', '--pool', pool, v)).trim();

    cloudSerial = await defineAndStart(
      cloud.name,
      domainXml(
        cloud.name,
        'hd',
        `
    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${await volPath(vols.overlay)}'/><target dev='vda' bus='virtio'/></disk>
    <disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='${await volPath(vols.seed)}'/><target dev='sda' bus='sata'/><readonly/></disk>` +
          nic(cloud.mac1, 'default') +
          nic(cloud.mac2, 'maas'),
      ),
    );
    isoSerial = await defineAndStart(
      iso.name,
      domainXml(
        iso.name,
        'cdrom',
        `
    <disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='${await volPath(lab.guest.isoVolume)}'/><target dev='hdc' bus='ide'/><readonly/></disk>` +
          nic(iso.mac, 'default'),
      ),
    );
  }, 60_000);

  afterAll(async () => {
    for (const s of serials) s.close();
    await removeLeftovers(run);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  it(
    'boots the cloud image with its seed: DHCP lease in the network’s range, static address, users',
    async () => {
      const t0 = Date.now();
      const seed = await cloudSerial.waitFor(/labdeck-guest: seed /, BOOT_MS);
      expect(seed).toContain(`hostname=${cloud.hostname} users=lab keys=1`);
      expect(await cloudSerial.waitFor(/labdeck-guest: static /, 10_000)).toContain(
        `static eth1 ${cloud.mac2} ${staticIp}/24`,
      );
      const lease = await waitForLease(cloudSerial, cloud.mac1, 60_000);
      await cloudSerial.waitFor(/labdeck-guest: ready/, 30_000);
      console.log(`cloud guest ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${lease.line.trim()})`);

      expect(lease.iface).toBe('eth0');
      const range = /<range start='([\d.]+)' end='([\d.]+)'/.exec(await virsh('net-dumpxml', 'default'));
      const n = (a: string) => a.split('.').reduce((x, o) => x * 256 + Number(o), 0);
      expect(range).not.toBeNull();
      expect(n(lease.address)).toBeGreaterThanOrEqual(n(range![1]!));
      expect(n(lease.address)).toBeLessThanOrEqual(n(range![2]!));
      expect(lease.prefixLen).toBe(24);
      // The static address answers from the host (the 'maas' bridge lives in labhost1's namespace).
      expect(await canPing('labhost1', staticIp, 5_000)).toBe(true);

      const r = await waitForSsh({
        namespace: 'labhost1',
        address: lease.address,
        user: 'lab',
        command: 'hostname; id -un; sudo id -u',
        timeoutMs: 60_000,
      });
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\n')).toEqual([cloud.hostname, 'lab', '0', '']);
    },
    BOOT_MS + 120_000,
  );

  it(
    'boots the install ISO as a CD-ROM',
    async () => {
      const t0 = Date.now();
      await isoSerial.waitFor(/labdeck-guest: seed none/, BOOT_MS);
      await waitForLease(isoSerial, iso.mac, 60_000);
      await isoSerial.waitFor(/labdeck-guest: ready/, 30_000);
      console.log(`ISO guest ready ${((Date.now() - t0) / 1000).toFixed(1)} s after the cloud guest's checks`);
      await virsh('destroy', iso.name);
    },
    BOOT_MS + 60_000,
  );

  it(
    'reboots on `virsh reboot` (ACPI, libvirt’s fake reboot) and comes back',
    async () => {
      cloudSerial.mark();
      const t0 = Date.now();
      await virsh('reboot', cloud.name);
      await cloudSerial.waitFor(/labdeck-guest: power button/, 30_000);
      await cloudSerial.waitFor(/labdeck-guest: ready/, BOOT_MS);
      console.log(`rebooted in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      expect(await domstate(cloud.name)).toBe('running');
      expect(await canPing('labhost1', staticIp, 5_000)).toBe(true);
    },
    BOOT_MS + 60_000,
  );

  it('powers off on `virsh shutdown`', async () => {
    cloudSerial.mark();
    await virsh('shutdown', cloud.name);
    const ms = await waitForState(cloud.name, 'shut off', 60_000);
    console.log(`shut off ${(ms / 1000).toFixed(1)} s after virsh shutdown`);
    expect(cloudSerial.output()).toContain('labdeck-guest: shutdown');
  }, 90_000);
});
