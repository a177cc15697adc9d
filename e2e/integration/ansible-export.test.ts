import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostConfig } from '../../shared/contract';
import type { AnsibleExportResult } from '../../shared/contract/ansible-export';
import type { ComposeRequest } from '../../shared/contract/compose';
import { parseVolumeXml } from '../../shared/snapshot/parse-vol-xml';
import { STAGING_DIR } from '../../shared/export/ansible';
import { buildCli, cliInventory, lab, runCli, type TestCore } from './harness';
import {
  coreWithLabhost,
  deleteVolumes,
  dhcpHostEntries,
  domainNames,
  dropDhcpReservations,
  removeNamed,
  removeVm,
  uniqueName,
  virsh,
  virshMaybe,
} from './compose-helpers';

/**
 * The Ansible export applied for real: a plan exported by LabDeck, run by Debian's ansible-playbook
 * (community.libvirt) against labhost1 over SSH with the lab's key, must make the domain, volumes
 * and DHCP reservation LabDeck's own compose makes (compared as parsed XML), and a second run
 * must report changed=0.
 */

const PREFIX = 'it-ansible-';
const IP = '192.168.122.60';
// The lab's hosts are namespaces of this machine: community.libvirt's modules run with its python3.
const HAS_ANSIBLE =
  spawnSync('sh', ['-c', 'command -v ansible-playbook']).status === 0 &&
  spawnSync('/usr/bin/python3', ['-c', 'import libvirt, lxml']).status === 0;
if (!HAS_ANSIBLE) {
  console.warn(
    'ansible-playbook or python3-libvirt/python3-lxml is not installed (Debian: apt install ansible python3-libvirt python3-lxml): the Ansible export lab tests are skipped.',
  );
}
const guest = (lab() as { guest?: { pool: string; cloudVolume: string; minMemoryMiB: number; defaultUser: string } })
  .guest;

let c: TestCore;
let host: HostConfig;
let work: string;
const name = (tag: string) => uniqueName(PREFIX, tag);

async function cleanup(): Promise<void> {
  await removeNamed(c, host, PREFIX);
  await dropReservation();
  // The seeds the playbooks staged on the host.
  await c.runner
    .run(host, ['sh', '-c', `rm -f ${STAGING_DIR}/${PREFIX}*; rmdir ${STAGING_DIR} 2>/dev/null || true`], {
      timeoutMs: 30_000,
    })
    .catch(() => undefined);
}

const dropReservation = () => dropDhcpReservations(c, host, [IP]);

beforeAll(async () => {
  if (!HAS_ANSIBLE) return;
  ({ core: c, host } = await coreWithLabhost());
  await c.hosts.refresh(host.id, { interactive: true });
  work = mkdtempSync(path.join(os.tmpdir(), 'labdeck-ansible-it-'));
  await cleanup();
});

afterAll(async () => {
  if (!c) return;
  try {
    await cleanup();
    // Other engineers' tests may have their own guests here: only ours must be gone, the lab's still there.
    const left = await domainNames(c, host);
    expect(left.filter((n) => n.startsWith(PREFIX))).toEqual([]);
    expect(left).toEqual(expect.arrayContaining(['lab-running', 'lab-shutoff']));
  } finally {
    await c.cleanup();
    rmSync(work, { recursive: true, force: true });
  }
});

function writeExport(res: AnsibleExportResult, dir: string): void {
  for (const f of res.files) {
    const p = path.join(dir, f.path);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, f.encoding === 'base64' ? Buffer.from(f.content, 'base64') : f.content);
  }
}

/** Runs the playbook against labhost1 with the lab's key and known_hosts; resolves with the recap's counts. */
function playbook(dir: string): Promise<{ ok: number; changed: number; failed: number; output: string }> {
  const l = lab();
  const env = {
    ...process.env,
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_FORCE_COLOR: '0',
    ANSIBLE_LOCAL_TEMP: path.join(work, 'tmp'),
    ANSIBLE_SSH_CONTROL_PATH_DIR: path.join(work, 'cp'),
    ANSIBLE_PYTHON_INTERPRETER: '/usr/bin/python3',
    ANSIBLE_RETRY_FILES_ENABLED: '0',
  };
  const args = [
    '-i',
    'inventory.yml',
    'playbook.yml',
    '--private-key',
    l.clientKey,
    '--ssh-extra-args',
    `-o UserKnownHostsFile=${path.join(l.stateDir, 'known_hosts')} -o StrictHostKeyChecking=yes`,
  ];
  return new Promise((resolve, reject) => {
    execFile(
      'ansible-playbook',
      args,
      { cwd: dir, env, timeout: 300_000, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const output = `${stdout}\n${stderr}`;
        const m = /labhost1\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)/.exec(stdout);
        if (!m) return reject(new Error(`ansible-playbook gave no recap (${err?.message ?? ''}):\n${output}`));
        const r = { ok: Number(m[1]), changed: Number(m[2]), failed: Number(m[4]) + Number(m[3]), output };
        console.log(`ansible-playbook (${path.basename(dir)}): ${m[0].replace(/\s+/g, ' ')}`);
        if (err || r.failed > 0) return reject(new Error(`ansible-playbook failed:\n${output}`));
        resolve(r);
      },
    );
  });
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
});

/** The inactive domain definition, parsed, without the uuid libvirt made up. */
async function domainObject(vm: string): Promise<Record<string, unknown>> {
  const parsed = xml.parse(await virsh(c, host, 'dumpxml', '--inactive', '--domain', vm)) as {
    domain: Record<string, unknown>;
  };
  delete parsed.domain.uuid;
  return parsed.domain;
}

async function volumeFacts(vols: string[]) {
  const out = [];
  for (const v of vols) {
    const info = parseVolumeXml(await virsh(c, host, 'vol-dumpxml', '--pool', 'default', '--vol', v));
    out.push({
      name: info?.name,
      capacity: info?.capacityBytes,
      format: info?.format,
      backing: info?.backingStore ?? null,
    });
  }
  return out;
}

async function teardown(vm: string, vols: string[]): Promise<void> {
  await removeVm(c, host, vm);
  await deleteVolumes(c, host, vols);
  await dropReservation();
}

/**
 * Exports the plan for `req`, applies it twice with Ansible (the second run must change nothing),
 * records what it made, removes it, composes the same request with LabDeck and compares.
 */
async function exportApplyCompare(
  req: ComposeRequest,
  extra: (vm: string, res: AnsibleExportResult) => Promise<void> = async () => undefined,
) {
  // The MACs the reviewed plan showed, as the wizard passes them on.
  const plan = await c.compose.plan(req);
  const fixed: ComposeRequest = { ...req, macs: plan.nics.map((n) => n.mac) };
  const res = await c.ansibleExport.export({ hostId: host.id, plan: fixed });
  const dir = path.join(work, String(req.hostname));
  writeExport(res, dir);
  const vm = String(req.hostname);
  const vols = plan.disks.map((d) => d.volume).concat(plan.install.seed ? [plan.install.seed.volume] : []);
  try {
    // What LabDeck really exported passes ansible-lint's production profile too (when installed).
    if (spawnSync('sh', ['-c', 'command -v ansible-lint']).status === 0) {
      const lint = spawnSync('ansible-lint', ['--offline', '--nocolor', '-p', 'playbook.yml'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, HOME: work },
      });
      expect(lint.status, `${lint.stdout}\n${lint.stderr}`).toBe(0);
    }
    const first = await playbook(dir);
    expect(first.changed, first.output).toBeGreaterThan(0);
    const second = await playbook(dir);
    expect(second.changed, `the second run changed something:\n${second.output}`).toBe(0);

    const byAnsible = {
      domain: await domainObject(vm),
      volumes: await volumeFacts(vols),
      hosts: await dhcpHostEntries(c, host),
      state: (await virsh(c, host, 'domstate', '--domain', vm)).trim(),
    };
    await extra(vm, res);
    await teardown(vm, vols);

    const job = await c.jobs.wait(c.compose.start(fixed).jobId);
    expect(job.state, JSON.stringify(job.error)).toBe('succeeded');
    const byLabDeck = {
      domain: await domainObject(vm),
      volumes: await volumeFacts(vols),
      hosts: await dhcpHostEntries(c, host),
      state: (await virsh(c, host, 'domstate', '--domain', vm)).trim(),
    };
    // The seed's instance-id is new per compose, so its size may differ by a byte or two: compare all else.
    const noSeedSize = (v: typeof byAnsible.volumes) =>
      v.map((x) => (x.name?.endsWith('-cidata.iso') ? { ...x, capacity: 0 } : x));
    expect({ ...byAnsible, volumes: noSeedSize(byAnsible.volumes) }).toEqual({
      ...byLabDeck,
      volumes: noSeedSize(byLabDeck.volumes),
    });
    return { byAnsible, res };
  } finally {
    await teardown(vm, vols);
  }
}

describe.skipIf(!HAS_ANSIBLE)('Ansible export applied to labhost1', () => {
  it('network boot, two empty disks, ip= reservation on default: same domain, volumes and reservation as compose; second run changed=0', async () => {
    const vm = name('net');
    const req: ComposeRequest = {
      hostId: host.id,
      hostname: vm,
      cores: 1,
      memoryMiB: 32,
      virtType: 'qemu',
      nicRom: false,
      storage: 'root:0.05,data:0.05',
      interfaces: `eth0:ip=${IP}`,
      install: { kind: 'network' },
      start: true,
    };
    const { byAnsible, res } = await exportApplyCompare(req);
    expect(byAnsible.hosts.some((h) => h.includes(IP))).toBe(true);
    expect(byAnsible.state).toBe('running');
    expect(res.files.map((f) => f.path).sort()).toEqual([
      'README.md',
      'inventory.yml',
      'playbook.yml',
      `xml/domains/${vm}.xml`,
      'xml/networks/default.xml',
      'xml/pools/default.xml',
    ]);
  }, 600_000);

  it('an empty-disk VM exported from its definition (VM menu) re-applies with changed=0', async () => {
    const vm = name('none');
    const req: ComposeRequest = {
      hostId: host.id,
      hostname: vm,
      cores: 1,
      memoryMiB: 32,
      virtType: 'qemu',
      nicRom: false,
      storage: 'root:0.05',
      interfaces: '',
      install: { kind: 'none' },
      start: false,
    };
    try {
      const job = await c.jobs.wait(c.compose.start(req).jobId);
      expect(job.state).toBe('succeeded');
      const res = await c.ansibleExport.export({ hostId: host.id, vms: [vm] });
      const dir = path.join(work, `${vm}-existing`);
      writeExport(res, dir);
      // It is all there already: applying the export of what exists changes nothing.
      const run = await playbook(dir);
      expect(run.changed, run.output).toBe(0);
    } finally {
      await teardown(vm, [`${vm}-root.qcow2`]);
    }
  }, 300_000);

  it.each(['overlay', 'copy'] as const)(
    'cloud image (%s) with a cloud-init seed: same domain and volumes as compose; the seed volume holds the shipped ISO; second run changed=0',
    async (clone) => {
      const vm = name(`cloud${clone}`);
      // The lab's tiny cloud image when compose takes it; else a throw-away qcow2 base of our own
      // (the export is about the overlay and the seed, not about booting).
      let base = { pool: 'default', volume: `${PREFIX}base-${process.pid.toString(36)}.qcow2` };
      let memoryMiB = 32;
      let user = 'labdeck';
      let ownBase = true;
      if (guest) {
        const probe = await c.compose
          .plan({
            hostId: host.id,
            hostname: vm,
            virtType: 'qemu',
            storage: 'root:0.05',
            install: { kind: 'cloud-image', pool: guest.pool, volume: guest.cloudVolume },
          })
          .then(() => null)
          .catch((e: Error) => e.message);
        if (probe === null) {
          base = { pool: guest.pool, volume: guest.cloudVolume };
          memoryMiB = guest.minMemoryMiB;
          user = guest.defaultUser;
          ownBase = false;
        } else
          console.warn(
            `The lab's cloud image is not usable as a cloud image by compose (${probe}); using a throw-away qcow2 base.`,
          );
      } else
        console.warn(
          "lab.json has no `guest` (the lab's tiny cloud image): using a throw-away qcow2 base for the cloud-image export test.",
        );
      if (ownBase)
        await virsh(
          c,
          host,
          'vol-create-as',
          '--pool',
          'default',
          '--name',
          base.volume,
          '--capacity',
          '16777216',
          '--format',
          'qcow2',
        );
      try {
        const req: ComposeRequest = {
          hostId: host.id,
          hostname: vm,
          cores: 1,
          memoryMiB,
          virtType: 'qemu',
          nicRom: false,
          storage: 'root:0.05',
          interfaces: '',
          install: { kind: 'cloud-image', pool: base.pool, volume: base.volume, clone },
          cloudInit: { user, sshKeys: [lab().clientPublicKey] },
          start: false,
        };
        const { byAnsible } = await exportApplyCompare(req, async (_vm, res) => {
          const iso = res.files.find((f) => f.path.endsWith('-cidata.iso'));
          expect(iso).toBeDefined();
          const seedPath = (await virsh(c, host, 'vol-path', '--pool', 'default', '--vol', `${vm}-cidata.iso`)).trim();
          expect(readFileSync(seedPath).equals(Buffer.from(iso?.content ?? '', 'base64'))).toBe(true);
          expect(
            res.files.some((f) => f.path.endsWith('cidata/user-data') && f.content.includes(lab().clientPublicKey)),
          ).toBe(true);
        });
        if (clone === 'overlay')
          expect(byAnsible.volumes[0]?.backing?.path).toMatch(new RegExp(`/${base.volume.replace(/\./g, '\\.')}$`));
        // A copy is grown to the root disk's size (50 MB) from the image's.
        else {
          expect(byAnsible.volumes[0]?.backing).toBeNull();
          // (qemu-img rounds a qcow2's size up to whole 512-byte sectors)
          expect(byAnsible.volumes[0]?.capacity).toBeGreaterThanOrEqual(50_000_000);
          expect(byAnsible.volumes[0]?.capacity).toBeLessThan(50_000_512);
        }
      } finally {
        if (ownBase) await virshMaybe(c, host, 'vol-delete', '--vol', base.volume, '--pool', 'default');
      }
    },
    600_000,
  );
});

describe.skipIf(!HAS_ANSIBLE)('labdeck export ansible (CLI)', () => {
  let setup: TestCore;
  beforeAll(async () => {
    buildCli();
    setup = await cliInventory();
  }, 180_000);
  afterAll(async () => setup?.cleanup());

  const labdeck = (...args: string[]) => runCli(setup, args);

  // Applied: only the lab's own maas. Other tests make and remove their networks and reservations on
  // `default` meanwhile, and an export applied after they are gone would make them again.
  it('--network maas: applied to the same host it changes nothing; --network default is exported', async () => {
    const out = path.join(work, 'cli-networks');
    const r = labdeck('export', 'ansible', '--host', 'labhost1', '--network', 'maas', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Written to');
    const play = readFileSync(path.join(out, 'playbook.yml'), 'utf8');
    expect(play).toContain('community.libvirt.virt_net');
    expect(play).toMatch(/name: maas\n\s+command: define/);
    const run = await playbook(out);
    expect(run.changed, run.output).toBe(0);

    const def = labdeck('export', 'ansible', '--host', 'labhost1', '--network', 'default');
    expect(def.code, def.stderr).toBe(0);
    expect(def.stdout).toContain('Network default is defined');
    // (Its reservations are other tests' and change while this runs: their tasks are checked in render.test.ts.)
    expect(labdeck('export', 'ansible', '--host', 'labhost1', '--network', 'nosuch').code).toBe(1);
  }, 300_000);

  it('--plan with compose options prints the playbook; usage errors exit 2', () => {
    const r = labdeck(
      'export',
      'ansible',
      '--host',
      'labhost1',
      '--plan',
      '--hostname',
      `${PREFIX}cli`,
      '--memory',
      '32',
      '--virt-type',
      'qemu',
      '--storage',
      'root:0.05',
      '--interfaces',
      `eth0:ip=${IP}`,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('# ---- playbook.yml');
    expect(r.stdout).toContain(`<name>${PREFIX}cli</name>`);
    expect(r.stdout).toContain(`ip='${IP}'`);
    expect(labdeck('export', 'ansible', '--host', 'labhost1').code).toBe(2);
    const all = labdeck('export', 'ansible', '--host', 'labhost1', '--networks');
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('Network maas is defined');
    expect(labdeck('export', 'terraform', '--host', 'labhost1').code).toBe(2);
  }, 120_000);
});
