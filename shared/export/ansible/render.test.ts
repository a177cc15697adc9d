import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildSeedFiles } from '../../cloud-init';
import type { ComposeStep } from '../../compose/commands';
import {
  portableNetworkXml,
  portablePoolXml,
  renderExport,
  vmFromCompose,
  type AnsibleExportPlan,
  type ExportFile,
} from '.';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const ANSIBLE = has('ansible-playbook');
const LINT = has('ansible-lint');
if (!ANSIBLE)
  console.warn(
    'ansible-playbook is not installed (Debian: apt install ansible): the --syntax-check tests are skipped.',
  );
if (!LINT)
  console.warn('ansible-lint is not installed (Debian: apt install ansible-lint): the lint tests are skipped.');

const DOMAIN_XML = `<domain type='qemu'>
  <name>web1</name>
  <description>${'a long line that YAML would have to break or a linter would refuse; '.repeat(4)}{{ not_templated }}</description>
  <memory unit='MiB'>64</memory>
  <devices>
    <interface type='network'><mac address='52:54:00:aa:bb:cc'/><source network='default'/></interface>
  </devices>
</domain>
`;

const seedFiles = (() => {
  const r = buildSeedFiles({ hostname: 'web1', instanceId: 'web1-0001', user: 'admin', sshKeys: [], nics: [] });
  if (!r.ok) throw new Error(r.error);
  return r.value;
})();

const steps: ComposeStep[] = [
  {
    kind: 'create-volume',
    argv: [
      'vol-create-as',
      '--pool',
      'default',
      '--name',
      'web1-root.qcow2',
      '--capacity',
      '1073741824',
      '--format',
      'qcow2',
      '--backing-vol',
      '/pool/base.img',
      '--backing-vol-format',
      'raw',
    ],
    description: 'overlay',
    rollback: null,
  },
  {
    kind: 'create-volume',
    argv: [
      'vol-create-as',
      '--pool',
      'default',
      '--name',
      'web1-data.qcow2',
      '--capacity',
      '2147483648',
      '--format',
      'qcow2',
    ],
    description: 'data',
    rollback: null,
  },
  { kind: 'build-seed', program: 'sh', argv: ['sh', '-c', 'x'], description: 'seed', rollback: null },
  { kind: 'reserve-ip', argv: ['net-update'], description: 'reserve', rollback: null },
  {
    kind: 'define',
    argv: ['define', '--file', '/dev/stdin'],
    stdin: DOMAIN_XML,
    description: 'define',
    rollback: null,
  },
];

const plan = (): AnsibleExportPlan => ({
  target: { name: 'lab host 1', address: '10.99.1.2', port: 22, user: 'root', libvirtUri: 'qemu:///system' },
  source: 'a test',
  pools: [
    {
      name: 'default',
      type: 'dir',
      xml: portablePoolXml(
        "<pool type='dir'>\n  <name>default</name>\n  <uuid>1234</uuid>\n  <capacity unit='bytes'>5</capacity>\n  <target>\n    <path>/pool</path>\n  </target>\n</pool>\n",
      ),
      targetPath: '/pool',
      active: true,
      autostart: false,
    },
  ],
  networks: [
    {
      name: 'default',
      xml: portableNetworkXml(
        "<network>\n  <name>default</name>\n  <uuid>abcd</uuid>\n  <mac address='52:54:00:00:00:01'/>\n  <ip address='192.168.122.1' netmask='255.255.255.0'/>\n</network>\n",
      ),
      active: true,
      autostart: true,
      reservations: [],
    },
  ],
  vms: [
    vmFromCompose({
      name: 'web1',
      steps,
      domainXml: DOMAIN_XML,
      volumes: [
        { pool: 'default', name: 'web1-root.qcow2', path: '/pool/web1-root.qcow2' },
        { pool: 'default', name: 'web1-data.qcow2', path: '/pool/web1-data.qcow2' },
      ],
      reservations: [{ network: 'default', mac: '52:54:00:AA:BB:CC', ip: '192.168.122.60' }],
      seed: { pool: 'default', volume: 'web1-cidata.iso', path: '/pool/web1-cidata.iso', files: seedFiles },
      source: { pool: 'default', volume: 'base.img', path: '/pool/base.img' },
      start: true,
    }),
  ],
});

function writeOut(files: ExportFile[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'labdeck-ansible-'));
  for (const f of files) {
    const p = path.join(dir, f.path);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, f.encoding === 'base64' ? Buffer.from(f.content, 'base64') : f.content);
  }
  return dir;
}

const file = (files: ExportFile[], p: string): string => {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no ${p}`);
  return f.content;
};

describe('Ansible export rendering', () => {
  const files = renderExport(plan());
  // LABDECK_KEEP_EXPORT=DIR keeps a sample export to look at.
  if (process.env.LABDECK_KEEP_EXPORT)
    for (const f of files) {
      const p = path.join(process.env.LABDECK_KEEP_EXPORT, f.path);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, f.encoding === 'base64' ? Buffer.from(f.content, 'base64') : f.content);
    }

  it('writes an inventory with the SSH user and port, and no secrets', () => {
    const inv = parse(file(files, 'inventory.yml'));
    expect(inv.all.hosts.lab_host_1).toEqual({
      ansible_host: '10.99.1.2',
      ansible_port: 22,
      ansible_user: 'root',
      libvirt_uri: 'qemu:///system',
    });
  });

  it('defines the domain with the exact XML, after its volumes, seed and reservation', () => {
    const [play] = parse(file(files, 'playbook.yml'));
    expect(play.hosts).toBe('lab_host_1');
    const tasks = play.tasks as Record<string, Record<string, unknown>>[];
    const define = tasks.find((t) => t['community.libvirt.virt']?.command === 'define');
    expect(define?.['community.libvirt.virt']?.xml).toBe(
      "{{ lookup('ansible.builtin.file', 'xml/domains/web1.xml') }}",
    );
    expect(file(files, 'xml/domains/web1.xml')).toBe(DOMAIN_XML);
    expect(file(files, 'xml/networks/default.xml')).toContain('<name>default</name>');
    expect(file(files, 'xml/pools/default.xml')).toContain('<path>/pool</path>');
    const names = tasks.map((t) => String(t.name));
    const idx = (s: string) => names.findIndex((n) => n.includes(s));
    expect(idx('Volume default/web1-root.qcow2')).toBeLessThan(idx('VM web1 is defined'));
    expect(idx('Seed of web1 is uploaded')).toBeLessThan(idx('VM web1 is defined'));
    expect(idx('reserves 192.168.122.60')).toBeLessThan(idx('VM web1 is defined'));
    const overlay = tasks[idx('Volume default/web1-root.qcow2')];
    expect(overlay?.['ansible.builtin.command']?.argv).toEqual([
      'virsh',
      '--connect',
      '{{ libvirt_uri }}',
      ...(steps[0]?.argv ?? []),
    ]);
    expect(overlay?.args).toEqual({ creates: '/pool/web1-root.qcow2' });
    const reserve = tasks[idx('reserves 192.168.122.60')]?.['community.libvirt.virt_net'];
    expect(reserve).toMatchObject({
      command: 'modify',
      name: 'default',
      xml: "<host mac='52:54:00:aa:bb:cc' ip='192.168.122.60'/>",
    });
    expect(play.handlers).toHaveLength(1);
  });

  it('ships the seed ISO with the files it was built from', () => {
    const iso = Buffer.from(file(files, 'files/web1/web1-cidata.iso'), 'base64');
    expect(iso.subarray(0x8001, 0x8006).toString()).toBe('CD001');
    expect(file(files, 'files/web1/cidata/user-data')).toBe(seedFiles.userData);
  });

  it('drops host-only identity from network and pool XML', () => {
    const p = plan();
    expect(p.networks[0]?.xml).not.toMatch(/uuid|mac address/);
    expect(p.pools[0]?.xml).not.toMatch(/uuid|capacity/);
  });

  it.skipIf(!ANSIBLE)(
    'passes ansible-playbook --syntax-check',
    () => {
      const dir = writeOut(files);
      try {
        execFileSync('ansible-playbook', ['--syntax-check', '-i', 'inventory.yml', 'playbook.yml'], {
          cwd: dir,
          stdio: 'pipe',
          env: { ...process.env, ANSIBLE_NOCOLOR: '1' },
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );

  it.skipIf(!LINT)(
    'passes ansible-lint',
    () => {
      const dir = writeOut(files);
      try {
        const r = spawnSync('ansible-lint', ['--offline', '--nocolor', '-p', 'playbook.yml', 'inventory.yml'], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, ANSIBLE_NOCOLOR: '1', HOME: dir },
        });
        expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
