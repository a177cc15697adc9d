import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDomCapabilities } from './parse-domcapabilities';

/**
 * `virsh -c qemu:///system domcapabilities --virttype kvm|qemu --arch x86_64` on the lab host:
 * libvirt 9.0 / QEMU 7.2, itself a nested KVM guest — so most named models are not usable under
 * kvm and host-model is a bare kvm64.
 */
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('parseDomCapabilities (real domcapabilities)', () => {
  it('kvm: every LabDeck mode supported, only the usable custom models, the host-model model', () => {
    expect(parseDomCapabilities(fixture('domcaps-kvm-x86_64.xml'))).toEqual({
      domain: 'kvm',
      arch: 'x86_64',
      machines: ['pc-i440fx-7.2'],
      cpuModes: [
        { mode: 'host-passthrough', supported: true },
        { mode: 'host-model', supported: true },
        { mode: 'custom', supported: true },
        { mode: 'default', supported: true },
      ],
      models: ['pentium3', 'pentium2', 'pentium', '486'],
      hostModel: 'kvm64',
    });
  });

  it('qemu (TCG): no host-passthrough, emulated models usable', () => {
    const caps = parseDomCapabilities(fixture('domcaps-qemu-x86_64.xml'));
    expect(caps?.domain).toBe('qemu');
    expect(caps?.cpuModes.find((m) => m.mode === 'host-passthrough')).toEqual({
      mode: 'host-passthrough',
      supported: false,
    });
    expect(caps?.models).toContain('qemu64');
    expect(caps?.models).not.toContain('Skylake-Server');
    expect(caps?.hostModel).toBe('EPYC');
  });

  it('refuses what is not a kvm/qemu description', () => {
    expect(
      parseDomCapabilities(
        "error: failed to get emulator capabilities\nerror: unsupported configuration: unable to find any emulator to serve 'aarch64' architecture",
      ),
    ).toBeUndefined();
    expect(
      parseDomCapabilities('<domainCapabilities><domain>xen</domain><arch>x86_64</arch></domainCapabilities>'),
    ).toBeUndefined();
    const bare = parseDomCapabilities(
      '<domainCapabilities><domain>qemu</domain><arch>aarch64</arch><machine>virt-7.2</machine></domainCapabilities>',
    );
    expect(bare).toEqual({
      domain: 'qemu',
      arch: 'aarch64',
      machines: ['virt-7.2'],
      cpuModes: [
        { mode: 'host-passthrough', supported: false },
        { mode: 'host-model', supported: false },
        { mode: 'custom', supported: false },
        { mode: 'default', supported: true },
      ],
      models: [],
    });
  });
});
