/**
 * What to do when `virsh start`/`create` fails, from libvirt's and QEMU's own words. Pure and
 * table-driven: the first rule whose pattern matches wins, so the specific ones come first.
 */
export interface StartErrorContext {
  virtType: 'kvm' | 'qemu';
  cpuMode: 'host-passthrough' | 'host-model' | 'custom' | 'default';
}

interface Rule {
  test: RegExp;
  hint: (m: RegExpExecArray, ctx: StartErrorContext) => string | undefined;
}

/** The next CPU mode to try after `mode` failed on kvm (the start probe's order). */
const nextCpuMode = (mode: StartErrorContext['cpuMode']): string =>
  mode === 'host-passthrough'
    ? 'try CPU mode host-model (or the emulator default)'
    : mode === 'host-model' || mode === 'custom'
      ? "try the emulator's default CPU (CPU mode default)"
      : 'try virt type qemu (emulation, slower)';

const RULES: Rule[] = [
  {
    test: /Could not access KVM kernel module: Permission denied|\/dev\/kvm[^\n]*Permission denied/i,
    hint: () =>
      "QEMU may not open /dev/kvm: the user libvirt runs QEMU as must be in the host's kvm group (or /dev/kvm's mode is wrong); until that is fixed, use virt type qemu.",
  },
  // KVM itself is missing: nothing but emulation will start.
  {
    test: /Domain requires KVM, but it is not available|does not support virt type 'kvm'|Could not access KVM kernel module|failed to initialize kvm|KVM is not available|no accelerator found|could not find capabilities for domaintype=kvm|\/dev\/kvm/i,
    hint: () =>
      'This host cannot run KVM (no usable /dev/kvm: virtualization off in the BIOS, the kvm module not loaded, or a VM without nested virtualization): this host needs virt type qemu.',
  },
  // The guest CPU asks for something the host (often a nested one) cannot give.
  {
    test: /failed to set MSR 0x[0-9a-f]+|host doesn't support requested feature|Host CPU does not provide required features|guest CPU doesn't match specification|CPU model \S+ is not (usable|supported)|Unknown CPU model|kvm_buf_set_msrs|kvm_put_msrs/i,
    hint: (_m, ctx) =>
      ctx.virtType === 'qemu' && ctx.cpuMode === 'default'
        ? undefined
        : `The host cannot give the guest this CPU (${ctx.cpuMode === 'custom' ? 'the custom model' : ctx.cpuMode}): ${nextCpuMode(ctx.cpuMode)}.`,
  },
  {
    test: /CPU mode '([^']+)' for \S+ (qemu|kvm) domain on \S+ host is not supported by hypervisor/i,
    hint: (m) =>
      m[1] === 'host-passthrough' && m[2] === 'qemu'
        ? 'Emulation (virt type qemu) cannot pass the host CPU through: use CPU mode host-model or default.'
        : `CPU mode ${m[1]} is not available with virt type ${m[2]}: try CPU mode default.`,
  },
  {
    test: /does not support machine type '([^']+)'|unsupported machine type|No machine specified, and there is no default|No PCI buses available/i,
    hint: (m) =>
      `The emulator does not know machine type${m[1] ? ` '${m[1]}'` : ' given'}: leave the machine type to libvirt, or pick one \`virsh domcapabilities\` (or \`qemu-system-x86_64 -machine help\`) lists.`,
  },
  {
    test: /cannot set up guest memory|Cannot allocate memory|Out of memory|failed to allocate \d+ bytes/i,
    hint: () => 'The host has not enough free memory for this VM: give it less memory, or stop another VM.',
  },
  // macvtap: a passthrough holds the whole NIC, and a bridge port takes no macvtap.
  {
    test: /error creating macvtap interface (\S+)@(\S+) \([^)]*\): Invalid argument/i,
    hint: (m) =>
      `${m[2]} cannot take another macvtap: passthrough takes the whole NIC, so another VM (in passthrough mode, or any mode when this one is passthrough) already uses it. Use another NIC, or a non-passthrough mode on a NIC no passthrough VM holds.`,
  },
  {
    test: /error creating macvtap interface (\S+)@(\S+) \([^)]*\): Device or resource busy/i,
    hint: (m) =>
      `${m[2]} is busy: it is a port of a bridge (or held by another VM in passthrough mode). Attach the VM to that bridge instead of a macvtap on ${m[2]}, or use another NIC.`,
  },
  {
    test: /Failed to get "write" lock|Is another process using the image/i,
    hint: () =>
      'Another running VM has this disk open: a disk (or an overlay) can be written by one VM only. Stop the other VM or give this one its own disk.',
  },
  {
    test: /Cannot access storage file '([^']+)'|Could not open '([^']+)': (No such file|Permission denied)/i,
    hint: (m) =>
      `QEMU cannot open ${m[1] ?? m[2] ?? 'a disk'}: check that the volume (and, for an overlay, its base image) still exists and that libvirt may read it.`,
  },
  {
    test: /Network '?([^' ]+)'? is not active|network '([^']+)' is not active/i,
    hint: (m) => `Network ${m[1] ?? m[2]} is not running: start it (virsh net-start ${m[1] ?? m[2]}).`,
  },
];

/** A hint for a failed `virsh start`/`create`, or undefined when the message is not one we know. */
export function startErrorHint(stderr: string, ctx: StartErrorContext): string | undefined {
  for (const rule of RULES) {
    const m = rule.test.exec(stderr);
    if (m) {
      const hint = rule.hint(m, ctx);
      if (hint !== undefined) return hint;
    }
  }
  return undefined;
}
