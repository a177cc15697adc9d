import { describe, expect, it } from 'vitest';
import { recommendVirt, shortStartError, type StartProbeResult, type VirtTypeAvailability } from './probe';

const modes = (...supported: string[]) =>
  (['host-passthrough', 'host-model', 'custom', 'default'] as const).map((mode) => ({
    mode,
    supported: mode === 'default' || supported.includes(mode),
  }));
const kvm: VirtTypeAvailability = {
  virtType: 'kvm',
  available: true,
  cpuModes: modes('host-passthrough', 'host-model', 'custom'),
};
const qemu: VirtTypeAvailability = { virtType: 'qemu', available: true, cpuModes: modes('host-model', 'custom') };
const noKvm: VirtTypeAvailability = {
  virtType: 'kvm',
  available: false,
  reason: "unsupported configuration: Emulator '/usr/bin/qemu-system-x86_64' does not support virt type 'kvm'",
  cpuModes: [],
};
const MSR =
  "internal error: qemu unexpectedly closed the monitor: 2021-02-21T02:17:50.604694Z qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69\nqemu-system-x86_64: kvm.c:1906: kvm_put_msrs: Assertion `ret == cpu->kvm_msr_buf->nmsrs' failed.";
const p = (virtType: 'kvm' | 'qemu', cpuMode: StartProbeResult['cpuMode'], error?: string): StartProbeResult => ({
  virtType,
  cpuMode,
  started: error === undefined,
  ...(error !== undefined ? { error } : {}),
});

describe('recommendVirt', () => {
  it('takes the first combination that started, in the order kvm+passthrough, kvm+host-model, kvm+default, qemu+default', () => {
    expect(recommendVirt([kvm, qemu], [p('kvm', 'host-passthrough')])).toEqual({
      virtType: 'kvm',
      cpuMode: 'host-passthrough',
      reason: 'kvm with host-passthrough: it started in the start probe.',
    });
    expect(recommendVirt([kvm, qemu], [p('kvm', 'host-passthrough', MSR), p('kvm', 'host-model')])).toEqual({
      virtType: 'kvm',
      cpuMode: 'host-model',
      reason: 'kvm with host-model: host-passthrough did not start here (failed to set MSR 0x10a).',
    });
    expect(
      recommendVirt([kvm, qemu], [p('kvm', 'host-passthrough', MSR), p('kvm', 'host-model', MSR), p('kvm', 'default')])
        .reason,
    ).toBe(
      "kvm with the emulator's default CPU: host-passthrough did not start here (failed to set MSR 0x10a); host-model did not start here (failed to set MSR 0x10a).",
    );
  });

  it('falls back to emulation when KVM is missing, and says why', () => {
    expect(recommendVirt([noKvm, qemu], [p('qemu', 'default')])).toEqual({
      virtType: 'qemu',
      cpuMode: 'default',
      reason:
        "qemu with the emulator's default CPU (emulation: works everywhere, but much slower): KVM is not available here (unsupported configuration: Emulator '/usr/bin/qemu-system-x86_64' does not support virt type 'kvm').",
    });
  });

  it('mentions modes libvirt does not offer, and what it fell back to when nothing started', () => {
    const onlyDefault: VirtTypeAvailability = { ...kvm, cpuModes: modes() };
    expect(recommendVirt([onlyDefault, qemu], [p('kvm', 'default')]).reason).toBe(
      "kvm with the emulator's default CPU: libvirt does not offer host-passthrough; libvirt does not offer host-model.",
    );
    const r = recommendVirt(
      [kvm, qemu],
      [
        p('kvm', 'host-passthrough', MSR),
        p('kvm', 'host-model', MSR),
        p('kvm', 'default', MSR),
        p('qemu', 'default', 'error: internal error: boom'),
      ],
    );
    expect(r.virtType).toBe('qemu');
    expect(r.reason).toMatch(
      /^qemu with the emulator's default CPU, as a last resort: nothing started in the start probe \(kvm with host-passthrough did not start here \(failed to set MSR 0x10a\);.*qemu with the emulator's default CPU did not start here \(internal error: boom\)\)\.$/,
    );
  });

  it('without probes, goes by domcapabilities and says it is untested', () => {
    expect(recommendVirt([kvm, qemu], [])).toEqual({
      virtType: 'kvm',
      cpuMode: 'host-passthrough',
      reason: 'kvm with host-passthrough: libvirt offers it; not start-tested yet.',
    });
    expect(recommendVirt([noKvm, qemu], []).virtType).toBe('qemu');
    expect(recommendVirt([], []).virtType).toBe('qemu');
  });
});

describe('shortStartError', () => {
  it('keeps the gist of real libvirt/QEMU errors', () => {
    expect(shortStartError(MSR)).toBe('failed to set MSR 0x10a');
    expect(
      shortStartError(
        "error: internal error: process exited while connecting to monitor: 2026-11-30T15:15:22.241626Z qemu-system-x86_64: cannot set up guest memory 'pc.ram': Cannot allocate memory",
      ),
    ).toBe("cannot set up guest memory 'pc.ram': Cannot allocate memory");
    expect(
      shortStartError(
        "error: unsupported configuration: CPU mode 'host-passthrough' for x86_64 qemu domain on x86_64 host is not supported by hypervisor",
      ),
    ).toBe(
      "unsupported configuration: CPU mode 'host-passthrough' for x86_64 qemu domain on x86_64 host is not supported by hypervisor",
    );
    expect(shortStartError(undefined)).toBe('no reason given');
    expect(shortStartError('x'.repeat(300))).toHaveLength(158);
  });
});
