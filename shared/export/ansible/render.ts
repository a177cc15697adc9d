import { Document, isMap, isSeq, type Node } from 'yaml';
import type { AnsibleExportPlan, ExportFile, ExportNetwork, ExportPool, ExportReservation, ExportVm } from './model';
import { virsh, virshArgv } from '../../virsh';

/**
 * The export as files: `inventory.yml`, `playbook.yml` (community.libvirt's virt_pool, virt_net and
 * virt, plus virsh volume calls guarded so a second run changes nothing), the seed ISOs with their
 * files for review, and a README. YAML comes from the `yaml` library only.
 */

const URI = '{{ libvirt_uri }}';
const STAGING = '{{ labdeck_staging }}';
/** Where seeds are staged on the host before vol-upload. */
export const STAGING_DIR = '/var/lib/labdeck-ansible';

/** Emit as YAML 1.1 (what Ansible's PyYAML reads), with a document start, never folding long lines. */
const OUT = { lineWidth: 0, directives: true } as const;

/** An inventory name: letters, digits, '.', '_' and '-'. */
export const inventoryName = (name: string): string => name.replace(/[^A-Za-z0-9_.-]/g, '_') || 'host';
const varName = (s: string): string => s.toLowerCase().replace(/[^a-z0-9_]/g, '_');

/** The playbook's virsh call: the URI is the play's variable. */
const onHost = (args: readonly string[]): string[] => virshArgv(URI, args);

/** A file name from a libvirt object's name. */
const fileName = (name: string): string => name.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\./, '_') || '_';
/**
 * Where each XML document lives in the export. The playbook reads them with a file lookup: the XML
 * stays exactly as libvirt gets it (no YAML line limits), diffs well, and is never templated by Jinja.
 */
export const xmlPaths = {
  domain: (vm: string) => `xml/domains/${fileName(vm)}.xml`,
  network: (name: string) => `xml/networks/${fileName(name)}.xml`,
  pool: (name: string) => `xml/pools/${fileName(name)}.xml`,
};
const lookup = (file: string): string => `{{ lookup('ansible.builtin.file', '${file}') }}`;

type Task = Record<string, unknown>;

/** Grows a volume to $4 bytes when it is smaller ($1 URI, $2 pool, $3 volume); says "grown" when it did. */
export const GROW_SCRIPT = `set -eu
cap=$(virsh -q --connect "$1" vol-info --pool "$2" --vol "$3" --bytes | awk '$1 == "Capacity:" { print $2 }')
if [ "$cap" -lt "$4" ]; then
  virsh -q --connect "$1" vol-resize --pool "$2" --vol "$3" --capacity "$4" >/dev/null
  echo grown
fi
`;

function poolTasks(p: ExportPool): Task[] {
  const tasks: Task[] = [
    {
      name: `Pool ${p.name} is defined`,
      'community.libvirt.virt_pool': { uri: URI, name: p.name, state: 'present', xml: lookup(xmlPaths.pool(p.name)) },
    },
  ];
  if (p.targetPath) {
    tasks.push({
      name: `Pool ${p.name} has its folder`,
      'ansible.builtin.command': { argv: onHost(virsh.pool.build(p.name)) },
      args: { creates: p.targetPath },
    });
  }
  if (p.active)
    tasks.push({
      name: `Pool ${p.name} is active`,
      'community.libvirt.virt_pool': { uri: URI, name: p.name, state: 'active' },
    });
  tasks.push({
    name: `Pool ${p.name} autostart is ${p.autostart ? 'on' : 'off'}`,
    'community.libvirt.virt_pool': { uri: URI, name: p.name, autostart: p.autostart },
  });
  return tasks;
}

const hostXml = (r: ExportReservation): string => {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/</g, '&lt;');
  return `<host mac='${esc(r.mac.toLowerCase())}'${r.name !== undefined ? ` name='${esc(r.name)}'` : ''} ip='${esc(r.ip)}'/>`;
};

function reservationTask(r: ExportReservation): Task {
  return {
    name: `Network ${r.network} reserves ${r.ip} for ${r.mac.toLowerCase()}`,
    'community.libvirt.virt_net': { uri: URI, name: r.network, command: 'modify', xml: hostXml(r) },
  };
}

function networkTasks(n: ExportNetwork): Task[] {
  const tasks: Task[] = [
    {
      name: `Network ${n.name} is defined`,
      'community.libvirt.virt_net': {
        uri: URI,
        name: n.name,
        command: 'define',
        xml: lookup(xmlPaths.network(n.name)),
      },
    },
  ];
  if (n.active)
    tasks.push({
      name: `Network ${n.name} is active`,
      'community.libvirt.virt_net': { uri: URI, name: n.name, state: 'active' },
    });
  tasks.push({
    name: `Network ${n.name} autostart is ${n.autostart ? 'on' : 'off'}`,
    'community.libvirt.virt_net': { uri: URI, name: n.name, autostart: n.autostart },
  });
  tasks.push(...n.reservations.map(reservationTask));
  return tasks;
}

const seedHandler = (vm: ExportVm): string => `Upload the cloud-init seed of ${vm.name}`;

function vmTasks(vm: ExportVm, seedIsoPath: string | undefined): Task[] {
  const tasks: Task[] = [];
  for (const need of vm.needs) {
    tasks.push({
      name: `Volume ${need.pool}/${need.volume} that ${vm.name} reads is there`,
      'ansible.builtin.command': { argv: onHost(virsh.volume.info({ pool: need.pool, vol: need.volume })) },
      changed_when: false,
    });
  }
  for (const [k, s] of vm.volumeSteps.entries()) {
    if (s.kind === 'create') {
      tasks.push({
        name: `Volume ${s.pool}/${s.volume} of ${vm.name} exists`,
        'ansible.builtin.command': { argv: onHost(s.argv), ...(s.stdin !== undefined ? { stdin: s.stdin } : {}) },
        args: { creates: s.path },
      });
    } else {
      const reg = `labdeck_grow_${varName(vm.name)}_${k}`;
      tasks.push({
        name: `Volume ${s.pool}/${s.volume} of ${vm.name} is at least ${s.capacityBytes ?? 0} bytes`,
        'ansible.builtin.command': {
          argv: ['sh', '-c', GROW_SCRIPT, 'labdeck-grow', URI, s.pool, s.volume, String(s.capacityBytes ?? 0)],
        },
        register: reg,
        changed_when: `'grown' in ${reg}.stdout`,
      });
    }
  }
  if (vm.seed && seedIsoPath) {
    const staged = `${STAGING}/${vm.seed.volume}`;
    tasks.push(
      {
        name: `Seed ISO of ${vm.name} is staged on the host`,
        'ansible.builtin.copy': { src: seedIsoPath, dest: staged, mode: '0600' },
        notify: seedHandler(vm),
      },
      {
        name: `Seed volume ${vm.seed.pool}/${vm.seed.volume} of ${vm.name} exists`,
        'ansible.builtin.command': {
          argv: onHost(
            virsh.volume.createAs({
              pool: vm.seed.pool,
              name: vm.seed.volume,
              capacity: String(vm.seed.iso.length),
              format: 'raw',
            }),
          ),
        },
        args: { creates: vm.seed.path },
        notify: seedHandler(vm),
      },
      { name: `Seed of ${vm.name} is uploaded before the VM is defined`, 'ansible.builtin.meta': 'flush_handlers' },
    );
  }
  tasks.push(...vm.reservations.map(reservationTask));
  tasks.push({
    name: `VM ${vm.name} is defined with LabDeck's domain XML`,
    'community.libvirt.virt': { uri: URI, command: 'define', xml: lookup(xmlPaths.domain(vm.name)) },
  });
  if (vm.start)
    tasks.push({
      name: `VM ${vm.name} is running`,
      'community.libvirt.virt': { uri: URI, name: vm.name, state: 'running' },
    });
  return tasks;
}

const seedDir = (vm: ExportVm) => `files/${vm.name}`;

function b64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Literal blocks for multi-line strings (XML, scripts), so they read as they are. */
function literalBlocks(node: Node | null | undefined): void {
  if (!node) return;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      const pair = item as { key?: Node; value?: Node };
      if (isMap(node)) literalBlocks(pair.value ?? null);
      else literalBlocks(item as Node);
    }
    return;
  }
  const scalar = node as { value?: unknown; type?: string };
  if (typeof scalar.value === 'string' && scalar.value.includes('\n')) scalar.type = 'BLOCK_LITERAL';
}

function yamlText(value: unknown, comment?: string): string {
  const doc = new Document(value, { version: '1.1' });
  if (comment) doc.commentBefore = comment;
  literalBlocks(doc.contents as Node);
  return doc.toString(OUT);
}

export function renderInventory(plan: AnsibleExportPlan): string {
  const t = plan.target;
  return yamlText(
    {
      all: {
        hosts: {
          [inventoryName(t.name)]: {
            ansible_host: t.address,
            ansible_port: t.port,
            ansible_user: t.user,
            libvirt_uri: t.libvirtUri,
          },
        },
      },
    },
    ' The host LabDeck exported from. Point ansible_host at another host to make the same there.\n SSH authentication is yours (agent or --private-key); nothing secret is written here.',
  );
}

export function renderPlaybook(plan: AnsibleExportPlan): string {
  const tasks: Task[] = [];
  if (plan.vms.some((v) => v.seed)) {
    tasks.push({
      name: 'Staging folder for cloud-init seeds exists',
      'ansible.builtin.file': { path: STAGING, state: 'directory', mode: '0700' },
    });
  }
  for (const p of plan.pools) tasks.push(...poolTasks(p));
  for (const n of plan.networks) tasks.push(...networkTasks(n));
  for (const vm of plan.vms) tasks.push(...vmTasks(vm, vm.seed ? `${seedDir(vm)}/${vm.seed.volume}` : undefined));
  const handlers: Task[] = plan.vms
    .filter((vm) => vm.seed)
    .map((vm) => ({
      name: seedHandler(vm),
      'ansible.builtin.command': {
        argv: onHost(
          virsh.volume.upload(
            { pool: vm.seed?.pool ?? '', vol: vm.seed?.volume ?? '' },
            `${STAGING}/${vm.seed?.volume ?? ''}`,
          ),
        ),
      },
      changed_when: true,
    }));
  const play: Task = {
    name: `LabDeck export for ${plan.target.name}`,
    hosts: inventoryName(plan.target.name),
    gather_facts: false,
    vars: { labdeck_staging: STAGING_DIR },
    tasks,
    ...(handlers.length > 0 ? { handlers } : {}),
  };
  return yamlText(
    [play],
    ` Made by LabDeck: ${plan.source}\n Run: ansible-playbook -i inventory.yml playbook.yml (a second run changes nothing).`,
  );
}

function readme(plan: AnsibleExportPlan): string {
  const lines = [
    `# LabDeck export: ${plan.target.name}`,
    '',
    plan.source,
    '',
    'Needs on the machine running Ansible: `ansible` with the `community.libvirt` collection (Debian: `apt install ansible`).',
    'Needs on the host: `python3-libvirt` and `python3-lxml` (the modules run there), and `virsh`.',
    '',
    '```sh',
    'ansible-playbook -i inventory.yml playbook.yml --private-key ~/.ssh/id_ed25519',
    '```',
    '',
    "Running it again changes nothing. Volumes are made with the same virsh calls as LabDeck's compose, only while they do not exist;",
    'domains are defined with the exact XML LabDeck would define (MAC addresses included). `xml/` holds every XML document the',
    'playbook hands to libvirt (read with a file lookup, so it is never templated).',
  ];
  if (plan.vms.some((v) => v.seed)) {
    lines.push(
      '',
      '`files/VM/` holds each cloud-init seed ISO and, under `cidata/`, the files it was built from (user-data may hold a password hash: treat it like one).',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Every file of the export, in a stable order. */
export function renderExport(plan: AnsibleExportPlan): ExportFile[] {
  const files: ExportFile[] = [
    { path: 'inventory.yml', content: renderInventory(plan), encoding: 'utf8' },
    { path: 'playbook.yml', content: renderPlaybook(plan), encoding: 'utf8' },
    { path: 'README.md', content: readme(plan), encoding: 'utf8' },
  ];
  for (const p of plan.pools) files.push({ path: xmlPaths.pool(p.name), content: p.xml, encoding: 'utf8' });
  for (const n of plan.networks) files.push({ path: xmlPaths.network(n.name), content: n.xml, encoding: 'utf8' });
  for (const vm of plan.vms) files.push({ path: xmlPaths.domain(vm.name), content: vm.domainXml, encoding: 'utf8' });
  for (const vm of plan.vms) {
    if (!vm.seed) continue;
    files.push({ path: `${seedDir(vm)}/${vm.seed.volume}`, content: b64(vm.seed.iso), encoding: 'base64' });
    const f = vm.seed.files;
    if (f) {
      files.push({ path: `${seedDir(vm)}/cidata/meta-data`, content: f.metaData, encoding: 'utf8' });
      files.push({ path: `${seedDir(vm)}/cidata/user-data`, content: f.userData, encoding: 'utf8' });
      if (f.networkConfig !== undefined)
        files.push({ path: `${seedDir(vm)}/cidata/network-config`, content: f.networkConfig, encoding: 'utf8' });
    }
  }
  return files;
}
