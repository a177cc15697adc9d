import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildDomainXml,
  domainXmlProblems,
  nicFromAttachment,
  type DomainCpuMode,
  type DomainXmlRequest,
} from './build';
import { probeDomainXml } from './probe';
import { XML_FORBIDDEN } from './xml';

function hasValidator(): boolean {
  try {
    execFileSync('sh', ['-c', 'command -v virt-xml-validate && command -v xmllint'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
const validatorPresent = hasValidator();
if (!validatorPresent) {
  console.warn(
    'virt-xml-validate (libvirt-clients) or xmllint (libxml2-utils) is missing: skipping schema validation of domain XML',
  );
}

const dir = mkdtempSync(join(tmpdir(), 'labdeck-domxml-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function validate(xml: string): { ok: boolean; output: string } {
  const file = join(dir, `d${n++}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('virt-xml-validate', [file, 'domain'], { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
});

const base: DomainXmlRequest = {
  name: 'web-1',
  virtType: 'qemu',
  vcpus: 2,
  memoryMiB: 2048,
  arch: 'x86_64',
  machine: 'pc',
  disks: [
    { path: '/var/lib/libvirt/images/web-1-root.qcow2', format: 'qcow2' },
    { path: '/var/lib/libvirt/images/web-1-data.qcow2', format: 'qcow2' },
  ],
  nics: [
    { type: 'bridge', source: 'br0', mac: '52:54:00:12:34:56', model: 'virtio' },
    { type: 'direct', source: 'eth1', mode: 'vepa', mac: '52:54:00:12:34:57' },
    { type: 'network', source: 'default', mac: '52:54:00:12:34:58' },
  ],
  nicRom: false,
};

function xmlOf(req: DomainXmlRequest): string {
  const r = buildDomainXml(req);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('buildDomainXml', () => {
  it('builds a bootable domain: hvm + arch, disk then network boot, acpi/apic, pty serial, VNC on localhost', () => {
    const xml = xmlOf(base);
    const doc = parser.parse(xml).domain;
    expect(doc['@_type']).toBe('qemu');
    expect(doc.os.type).toEqual({ '@_arch': 'x86_64', '@_machine': 'pc', '#text': 'hvm' });
    expect(doc.features).toEqual({ acpi: '', apic: '' });
    expect(doc.cpu).toBeUndefined();
    expect(doc.devices.disk[0].boot).toEqual({ '@_order': '1' });
    expect(doc.devices.disk[1].boot).toBeUndefined();
    expect(doc.devices.disk.map((d: { target: { '@_dev': string } }) => d.target['@_dev'])).toEqual(['vda', 'vdb']);
    expect(doc.devices.interface[0].boot).toEqual({ '@_order': '2' });
    expect(doc.devices.interface[0].source).toEqual({ '@_bridge': 'br0' });
    expect(doc.devices.interface[1].source).toEqual({ '@_dev': 'eth1', '@_mode': 'vepa' });
    expect(doc.devices.interface[2].source).toEqual({ '@_network': 'default' });
    expect(doc.devices.interface[0].rom).toEqual({ '@_enabled': 'no' });
    expect(doc.devices.serial['@_type']).toBe('pty');
    expect(doc.devices.graphics['@_listen']).toBe('127.0.0.1');
  });

  it('kvm gets host-passthrough CPU; network-first boot order is available (MAAS’s order)', () => {
    const doc = parser.parse(xmlOf({ ...base, virtType: 'kvm', bootOrder: ['network', 'disk'] })).domain;
    expect(doc['@_type']).toBe('kvm');
    expect(doc.cpu).toEqual({ '@_mode': 'host-passthrough' });
    expect(doc.devices.interface[0].boot).toEqual({ '@_order': '1' });
    expect(doc.devices.disk[0].boot).toEqual({ '@_order': '2' });
  });

  it('writes passthru as passthrough', () => {
    const xml = xmlOf({
      ...base,
      nics: [{ type: 'direct', source: 'eth1', mode: 'passthru', mac: '52:54:00:00:00:01' }],
    });
    expect(xml).toContain('mode="passthrough"');
    expect(xml).not.toContain('passthru"');
  });

  it('escapes names and paths with < & \' " correctly', () => {
    const name = `a<b>&c'd"e ]]> é`;
    const path = `/images/x"y'z&<w>.qcow2`;
    const xml = xmlOf({ ...base, name, description: '<script>&amp;', disks: [{ path, format: 'qcow2' }] });
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('<name>a&lt;b&gt;&amp;c&apos;d&quot;e ]]&gt; é</name>');
    expect(xml).toContain('<description>&lt;script&gt;&amp;amp;</description>');
    // The parser decodes entities: what it reads back is exactly what went in.
    const doc = parser.parse(xml).domain;
    expect(doc.name).toBe(name);
    expect(doc.description).toBe('<script>&amp;');
    expect(doc.devices.disk.source['@_file']).toBe(path);
  });

  it('rejects what libvirt or XML cannot take, in plain sentences', () => {
    const bad = domainXmlProblems({
      ...base,
      name: 'a/b\u0001',
      vcpus: 0,
      memoryMiB: 1.5,
      arch: 'x86 64',
      disks: [
        { path: 'relative.qcow2', format: 'qcow2', target: 'vdz' },
        { path: '/a', format: 'qcow2', target: 'vdz' },
      ],
      nics: [{ type: 'direct', source: 'eth1', mode: 'source' as never, mac: '01:00:5e:00:00:01' }],
    });
    expect(bad).toEqual([
      "The VM name may not contain '/'.",
      'The VM name contains a control character XML cannot carry.',
      'vCPUs must be a whole number from 1 to 4096.',
      'Memory must be a whole number of MiB, at least 1.',
      "'x86 64' is not an architecture name.",
      'Disk 1: the path must be absolute.',
      'Disk 2: target vdz is used twice.',
      "NIC 1: '01:00:5e:00:00:01' is not a unicast MAC address.",
      "NIC 1: 'source' is not a macvtap mode (bridge, private, vepa, passthrough).",
    ]);
    expect(buildDomainXml({ ...base, name: ' x' })).toEqual({
      ok: false,
      error: 'The VM name starts or ends with whitespace.',
    });
  });

  it('maps planned attachments to NIC specs', () => {
    expect(nicFromAttachment({ type: 'direct', dev: 'eth1', mode: 'private' }, '52:54:00:00:00:01')).toEqual({
      type: 'direct',
      source: 'eth1',
      mode: 'private',
      mac: '52:54:00:00:00:01',
      model: 'virtio',
    });
    expect(nicFromAttachment({ type: 'network', network: 'default' }, 'm').source).toBe('default');
    expect(nicFromAttachment({ type: 'bridge', source: 'br0' }, 'm').source).toBe('br0');
  });
});

const iso = { path: '/var/lib/libvirt/images/debian.iso', format: 'iso', device: 'cdrom' as const };
const seed = { path: '/var/lib/libvirt/images/web-1-seed.iso', format: 'raw', device: 'cdrom' as const };
type DiskNode = {
  '@_device': string;
  target: { '@_dev': string; '@_bus': string };
  driver: { '@_type': string };
  boot?: unknown;
  readonly?: unknown;
};

describe('CD-ROMs and boot order', () => {
  it('puts CD-ROMs on IDE hdc/hdd for i440fx (pc, or no machine), raw and read-only; disks keep vda, vdb', () => {
    for (const machine of ['pc', 'pc-i440fx-7.2', undefined]) {
      const req: DomainXmlRequest = { ...base, disks: [iso, ...base.disks, seed], bootOrder: ['cdrom', 'disk'] };
      if (machine === undefined) delete req.machine;
      else req.machine = machine;
      const disks: DiskNode[] = parser.parse(xmlOf(req)).domain.devices.disk;
      expect(disks.map((d) => [d['@_device'], d.target['@_dev'], d.target['@_bus'], d.driver['@_type']])).toEqual([
        ['cdrom', 'hdc', 'ide', 'raw'],
        ['disk', 'vda', 'virtio', 'qcow2'],
        ['disk', 'vdb', 'virtio', 'qcow2'],
        ['cdrom', 'hdd', 'ide', 'raw'],
      ]);
      expect(disks.map((d) => d.readonly !== undefined)).toEqual([true, false, false, true]);
    }
  });

  it('uses SATA on q35 (it has no IDE) and SCSI on other arches', () => {
    const q35: DiskNode[] = parser.parse(xmlOf({ ...base, machine: 'pc-q35-7.2', disks: [base.disks[0]!, iso, seed] }))
      .domain.devices.disk;
    expect(q35.map((d) => `${d.target['@_dev']}/${d.target['@_bus']}`)).toEqual(['vda/virtio', 'sda/sata', 'sdb/sata']);
    const arm: DiskNode[] = parser.parse(
      xmlOf({ ...base, arch: 'aarch64', machine: 'virt', disks: [base.disks[0]!, iso] }),
    ).domain.devices.disk;
    expect(arm.map((d) => `${d.target['@_dev']}/${d.target['@_bus']}`)).toEqual(['vda/virtio', 'sda/scsi']);
  });

  it('gives boot orders to the first CD-ROM, first disk and first NIC as asked, and none to the rest', () => {
    const orders = (bootOrder: DomainXmlRequest['bootOrder']) => {
      const doc = parser.parse(
        xmlOf({ ...base, disks: [base.disks[0]!, iso, base.disks[1]!, seed], bootOrder }),
      ).domain;
      const disks: DiskNode[] = doc.devices.disk;
      return [...disks.map((d) => d.boot), ...doc.devices.interface.map((n: { boot?: unknown }) => n.boot)].map((b) =>
        b === undefined ? '-' : (b as { '@_order': string })['@_order'],
      );
    };
    // disks: vda, iso, vdb, seed; NICs: 3
    expect(orders(['cdrom', 'disk'])).toEqual(['2', '1', '-', '-', '-', '-', '-']);
    expect(orders(['network', 'disk'])).toEqual(['2', '-', '-', '-', '1', '-', '-']);
    expect(orders(['disk'])).toEqual(['1', '-', '-', '-', '-', '-', '-']);
    expect(orders(undefined)).toEqual(['1', '-', '-', '-', '2', '-', '-']);
    // An order naming a device the VM lacks skips it without a gap.
    const noCd = parser.parse(xmlOf({ ...base, bootOrder: ['cdrom', 'disk', 'network'] })).domain;
    expect(noCd.devices.disk[0].boot).toEqual({ '@_order': '1' });
    expect(noCd.devices.interface[0].boot).toEqual({ '@_order': '2' });
  });

  it('refuses a fifth IDE CD-ROM', () => {
    expect(
      domainXmlProblems({ ...base, disks: [iso, iso, iso, iso, iso].map((d, i) => ({ ...d, path: `/i${i}.iso` })) }),
    ).toEqual(['Disk 5: no IDE place is left for another CD-ROM.']);
  });
});

describe('CPU modes', () => {
  const cpuOf = (cpuMode: DomainXmlRequest['cpuMode'], cpuModel?: string, virtType: 'kvm' | 'qemu' = 'kvm') =>
    parser.parse(xmlOf({ ...base, virtType, cpuMode, ...(cpuModel !== undefined ? { cpuModel } : {}) })).domain.cpu;

  it('writes host-passthrough / host-model as is, custom with an exact model that may fall back, and nothing for default/null', () => {
    expect(cpuOf('host-passthrough')).toEqual({ '@_mode': 'host-passthrough' });
    expect(cpuOf('host-model', undefined, 'qemu')).toEqual({ '@_mode': 'host-model' });
    expect(cpuOf('custom', 'Haswell-noTSX')).toEqual({
      '@_mode': 'custom',
      '@_match': 'exact',
      '@_check': 'none',
      model: { '@_fallback': 'allow', '#text': 'Haswell-noTSX' },
    });
    expect(cpuOf('default')).toBeUndefined();
    expect(cpuOf(null)).toBeUndefined();
    // undefined keeps the old default: host-passthrough for kvm, none for qemu.
    expect(cpuOf(undefined)).toEqual({ '@_mode': 'host-passthrough' });
    expect(cpuOf(undefined, undefined, 'qemu')).toBeUndefined();
  });

  it('needs a plain model name for custom', () => {
    expect(domainXmlProblems({ ...base, cpuMode: 'custom' })).toEqual(["CPU mode 'custom' needs a CPU model."]);
    expect(domainXmlProblems({ ...base, cpuMode: 'custom', cpuModel: 'x<y' })).toEqual([
      "'x<y' is not a CPU model name.",
    ]);
  });
});

describe('probeDomainXml', () => {
  it('is tiny: 32 MiB, one vCPU, no disk, no NIC, no graphics, a pty console', () => {
    const r = probeDomainXml({ name: 'labdeck-probe-1', virtType: 'kvm', cpuMode: 'host-model', arch: 'x86_64' });
    if (!r.ok) throw new Error(r.error);
    const doc = parser.parse(r.value).domain;
    expect(doc.memory).toEqual({ '@_unit': 'MiB', '#text': '32' });
    expect(doc.vcpu['#text']).toBe('1');
    expect(doc.cpu).toEqual({ '@_mode': 'host-model' });
    expect(doc.devices.disk).toBeUndefined();
    expect(doc.devices.interface).toBeUndefined();
    expect(doc.devices.graphics).toBeUndefined();
    expect(doc.devices.serial['@_type']).toBe('pty');
    const d = probeDomainXml({ name: 'p', virtType: 'qemu', cpuMode: 'default', arch: 'x86_64' });
    expect(d.ok && d.value).not.toContain('<cpu');
    expect(probeDomainXml({ name: 'p', virtType: 'kvm', cpuMode: 'custom', arch: 'x86_64' }).ok).toBe(false);
  });
});

describe.skipIf(!validatorPresent)('buildDomainXml output passes virt-xml-validate', () => {
  it('for the base request', () => {
    const r = validate(xmlOf(base));
    expect(r.output).toMatch(/validates/);
    expect(r.ok).toBe(true);
  });

  it('for each install kind and CPU mode, and the probes', () => {
    const installs: Record<string, Pick<DomainXmlRequest, 'disks' | 'bootOrder'>> = {
      network: { disks: base.disks, bootOrder: ['network', 'disk'] },
      none: { disks: base.disks, bootOrder: ['disk'] },
      iso: { disks: [base.disks[0]!, iso], bootOrder: ['cdrom', 'disk'] },
      'cloud-image+seed': {
        disks: [{ path: '/var/lib/libvirt/images/web-1-root.img', format: 'raw' }, seed],
        bootOrder: ['disk'],
      },
    };
    const modes: [DomainCpuMode, string | undefined][] = [
      ['host-passthrough', undefined],
      ['host-model', undefined],
      ['custom', 'qemu64'],
      ['default', undefined],
    ];
    for (const machine of ['pc', 'q35']) {
      for (const [kind, install] of Object.entries(installs)) {
        for (const [cpuMode, cpuModel] of modes) {
          const xml = xmlOf({
            ...base,
            machine,
            virtType: cpuMode === 'host-passthrough' ? 'kvm' : 'qemu',
            ...install,
            cpuMode,
            ...(cpuModel ? { cpuModel } : {}),
          });
          const v = validate(xml);
          expect(v.ok, `${machine} ${kind} ${cpuMode}: ${v.output}`).toBe(true);
        }
      }
    }
    for (const [cpuMode, cpuModel] of modes) {
      for (const virtType of ['kvm', 'qemu'] as const) {
        const p = probeDomainXml({
          name: 'labdeck-probe',
          virtType,
          cpuMode,
          arch: 'x86_64',
          ...(cpuModel ? { cpuModel } : {}),
        });
        if (!p.ok) throw new Error(p.error);
        expect(validate(p.value).ok, p.value).toBe(true);
      }
    }
  }, 60_000);

  it('the validator is real: it rejects MAAS’s passthru spelling', () => {
    const xml = xmlOf({
      ...base,
      nics: [{ type: 'direct', source: 'eth1', mode: 'passthrough', mac: '52:54:00:00:00:01' }],
    });
    expect(validate(xml).ok).toBe(true);
    expect(validate(xml.replace('mode="passthrough"', 'mode="passthru"')).ok).toBe(false);
  });

  it('for many generated requests (fast-check)', () => {
    const hex = fc.integer({ min: 0, max: 255 }).map((b) => b.toString(16).padStart(2, '0'));
    const mac = fc.tuple(hex, hex, hex).map(([a, b, c]) => `52:54:00:${a}:${b}:${c}`);
    const name = fc
      .string({
        unit: fc.constantFrom('a', 'Z', '0', '-', '_', '.', ' ', '<', '>', '&', "'", '"', 'é', '€', '😀'),
        minLength: 1,
        maxLength: 20,
      })
      .filter((s) => s.trim() === s && s.trim() !== '');
    const ident = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/);
    const nic = fc.oneof(
      fc.record({ type: fc.constant('bridge' as const), source: ident, mac }),
      fc.record({ type: fc.constant('network' as const), source: ident, mac }),
      fc.record({
        type: fc.constant('direct' as const),
        source: ident,
        mac,
        mode: fc.constantFrom('bridge', 'private', 'vepa', 'passthrough', 'passthru') as fc.Arbitrary<'bridge'>,
      }),
    );
    const disk = fc.record({
      path: fc
        .string({ unit: fc.constantFrom('a', 'b', '/', '-', ' ', '&', '<', "'", '"'), minLength: 1, maxLength: 16 })
        .map((s) => `/var/lib/libvirt/images/${s}.img`),
      format: fc.constantFrom('qcow2', 'raw'),
      kind: fc.constantFrom('file' as const, 'block' as const),
      device: fc.constantFrom('disk' as const, 'disk' as const, 'cdrom' as const),
    });
    const req = fc.record({
      name,
      virtType: fc.constantFrom('kvm' as const, 'qemu' as const),
      vcpus: fc.integer({ min: 1, max: 64 }),
      memoryMiB: fc.integer({ min: 32, max: 65536 }),
      arch: fc.constantFrom('x86_64', 'aarch64', 'i686'),
      machine: fc.option(fc.constantFrom('pc', 'q35', 'virt'), { nil: undefined }),
      description: fc.option(
        fc.string({ maxLength: 20 }).filter((s) => !XML_FORBIDDEN.test(s)),
        { nil: undefined },
      ),
      disks: fc.array(disk, { maxLength: 4 }),
      cpu: fc.constantFrom<[DomainCpuMode | null | undefined, string | undefined]>(
        [undefined, undefined],
        [null, undefined],
        ['host-model', undefined],
        ['custom', 'Skylake-Client'],
        ['default', undefined],
      ),
      nics: fc.uniqueArray(nic, { maxLength: 4, selector: (x) => x.mac }),
      bootOrder: fc.constantFrom<DomainXmlRequest['bootOrder']>(
        undefined,
        ['disk', 'network'],
        ['network', 'disk'],
        ['network'],
        ['cdrom', 'disk'],
        ['cdrom', 'disk', 'network'],
      ),
      nicRom: fc.boolean(),
      graphics: fc.constantFrom('vnc' as const, 'none' as const),
    });
    fc.assert(
      fc.property(req, (r) => {
        const { cpu, ...rest } = r;
        const request: DomainXmlRequest = { ...rest };
        if (cpu[0] !== undefined) request.cpuMode = cpu[0];
        if (cpu[1] !== undefined) request.cpuModel = cpu[1];
        if (r.machine === undefined) delete request.machine;
        if (r.description === undefined) delete request.description;
        const built = buildDomainXml(request);
        expect(built.ok).toBe(true);
        if (!built.ok) return;
        const v = validate(built.value);
        expect(v.ok, `${v.output}\n${built.value}`).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
