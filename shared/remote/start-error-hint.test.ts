import { describe, expect, it } from 'vitest';
import { startErrorHint, type StartErrorContext } from './start-error-hint';

const kvmPass: StartErrorContext = { virtType: 'kvm', cpuMode: 'host-passthrough' };
const kvmModel: StartErrorContext = { virtType: 'kvm', cpuMode: 'host-model' };
const qemuDefault: StartErrorContext = { virtType: 'qemu', cpuMode: 'default' };

/**
 * Real texts: "lab" = provoked on the lab host (libvirt 9.0, QEMU 7.2) with `virsh create`;
 * the others as reported in public issue trackers (cited).
 */
const cases: [string, string, StartErrorContext, RegExp | undefined][] = [
  [
    'MSR on a nested host (mediabots/Linux-to-Windows-with-QEMU#17)',
    "error: internal error: qemu unexpectedly closed the monitor: 2020-01-02T10:00:00.000000Z qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69\nqemu-system-x86_64: /build/qemu-XrmZRw/qemu-2.11+dfsg/target/i386/kvm.c:1906: kvm_put_msrs: Assertion `ret == cpu->kvm_msr_buf->nmsrs' failed.",
    kvmPass,
    /try CPU mode host-model \(or the emulator default\)/,
  ],
  [
    'MSR under kubevirt (kubevirt/kubevirt#5068), with host-model it suggests the default',
    'internal error: qemu unexpectedly closed the monitor: 2021-02-21T02:17:50.604694Z qemu-kvm: error: failed to set MSR 0x48e to 0xfff9fffe04006172',
    kvmModel,
    /emulator's default CPU/,
  ],
  [
    'a requested feature the host lacks',
    "qemu-system-x86_64: warning: host doesn't support requested feature: CPUID.07H:EBX.hle [bit 4]",
    kvmPass,
    /host-model/,
  ],
  [
    'lab: a custom model needing a missing feature',
    'error: the CPU is incompatible with host CPU: Host CPU does not provide required features: mpx',
    { virtType: 'kvm', cpuMode: 'custom' },
    /custom model.*default CPU/,
  ],
  [
    'lab: check=full on a model the host cannot give',
    "error: operation failed: guest CPU doesn't match specification: extra features: vme,hypervisor,arat, missing features: pni,pclmuldq",
    { virtType: 'kvm', cpuMode: 'custom' },
    /default CPU/,
  ],
  [
    'lab: an unknown model',
    'error: internal error: Unknown CPU model Nonexistent',
    { virtType: 'kvm', cpuMode: 'custom' },
    /default CPU/,
  ],
  [
    'lab: host-passthrough under emulation',
    "error: unsupported configuration: CPU mode 'host-passthrough' for x86_64 qemu domain on x86_64 host is not supported by hypervisor",
    { virtType: 'qemu', cpuMode: 'host-passthrough' },
    /cannot pass the host CPU through: use CPU mode host-model or default/,
  ],
  [
    'no KVM (virtkick/virtkick#163)',
    'error: unsupported configuration: Domain requires KVM, but it is not available. Check that virtualization is enabled in the host BIOS, and host configuration is setup to load the kvm modules.',
    kvmPass,
    /this host needs virt type qemu/,
  ],
  [
    'no KVM in the emulator',
    "error: unsupported configuration: Emulator '/usr/bin/qemu-system-x86_64' does not support virt type 'kvm'",
    kvmPass,
    /needs virt type qemu/,
  ],
  [
    'no KVM module',
    'Could not access KVM kernel module: No such file or directory\nqemu-system-x86_64: failed to initialize kvm: No such file or directory',
    kvmModel,
    /needs virt type qemu/,
  ],
  [
    'no capabilities for kvm (theforeman/forklift#630)',
    'error: invalid argument: could not find capabilities for domaintype=kvm',
    kvmPass,
    /needs virt type qemu/,
  ],
  [
    '/dev/kvm not readable',
    'Could not access KVM kernel module: Permission denied\nfailed to initialize KVM: Permission denied',
    kvmPass,
    /kvm group/,
  ],
  [
    'lab: an unknown versioned machine type',
    "error: unsupported configuration: Emulator '/usr/bin/qemu-system-x86_64' does not support machine type 'pc-i440fx-99.0'",
    qemuDefault,
    /machine type 'pc-i440fx-99.0'/,
  ],
  [
    'lab: a machine type libvirt cannot place PCI devices on',
    'error: XML error: No PCI buses available',
    qemuDefault,
    /does not know machine type/,
  ],
  [
    'lab: not enough memory',
    "error: internal error: process exited while connecting to monitor: 2026-11-30T15:15:22.241626Z qemu-system-x86_64: cannot set up guest memory 'pc.ram': Cannot allocate memory",
    qemuDefault,
    /not enough free memory/,
  ],
  [
    'lab: a second macvtap on a NIC a passthrough VM holds',
    'error: error creating macvtap interface macvtap3@b2probe0 (52:54:00:1c:e2:86): Invalid argument',
    qemuDefault,
    /b2probe0 cannot take another macvtap: passthrough takes the whole NIC/,
  ],
  [
    'lab: passthrough on a bridge port',
    'error: error creating macvtap interface macvtap7@b2probe0 (52:54:00:bd:1f:92): Device or resource busy',
    qemuDefault,
    /b2probe0 is busy: it is a port of a bridge/,
  ],
  [
    'lab: two VMs on one overlay',
    'error: internal error: process exited while connecting to monitor: qemu-system-x86_64: -blockdev {"node-name":"libvirt-3-format"}: Failed to get "write" lock\nIs another process using the image [/pool/b2probe-ov2.qcow2]?',
    kvmPass,
    /Another running VM has this disk open/,
  ],
  [
    'a gone base image',
    "error: Cannot access storage file '/var/lib/libvirt/images/base.img': No such file or directory",
    kvmPass,
    /base image\) still exists/,
  ],
  [
    'an inactive network',
    "error: Requested operation is not valid: network 'default' is not active",
    qemuDefault,
    /virsh net-start default/,
  ],
  ['something else', 'error: internal error: something nobody has seen', kvmPass, undefined],
  // Emulation with the default CPU has no CPU mode left to suggest.
  ['MSR text with nothing left to try', 'failed to set MSR 0x10a', qemuDefault, undefined],
];

describe('startErrorHint', () => {
  it.each(cases)('%s', (_what, stderr, ctx, expected) => {
    const hint = startErrorHint(stderr, ctx);
    if (expected === undefined) expect(hint).toBeUndefined();
    else expect(hint).toMatch(expected);
  });
});
