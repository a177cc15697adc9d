/**
 * Disk target names by index, as MAAS's virsh driver named them:
 * 0 → vda, 25 → vdz, 26 → vdaa, 701 → vdzz, 702 → vdaaa.
 */
export function diskTarget(index: number, prefix = 'vd'): string {
  if (!Number.isInteger(index) || index < 0)
    throw new RangeError(`disk index must be a whole number ≥ 0, got ${index}`);
  let name = '';
  let i = index;
  while (i >= 0) {
    name = String.fromCharCode(97 + (i % 26)) + name;
    i = Math.floor(i / 26) - 1;
  }
  return prefix + name;
}

/** IDE targets a CD-ROM takes on i440fx: the secondary channel first (hdc, hdd), as installers expect. */
const IDE_CD_TARGETS = ['hdc', 'hdd', 'hda', 'hdb'];

/**
 * Target and bus for the index-th CD-ROM. q35 has no IDE (only AHCI/SATA), i440fx ('pc', the x86
 * default) has IDE, and other arches (aarch64 'virt') have neither, so they use SCSI (libvirt adds a
 * controller). undefined when IDE's four places are used up.
 */
export function cdromTarget(
  index: number,
  machine: string | undefined,
  arch: string,
): { target: string; bus: string } | undefined {
  const x86 = /^(x86_64|i[3-6]86)$/.test(arch);
  if (x86 && !/q35/.test(machine ?? '')) {
    const t = IDE_CD_TARGETS[index];
    return t === undefined ? undefined : { target: t, bus: 'ide' };
  }
  return { target: diskTarget(index, 'sd'), bus: x86 ? 'sata' : 'scsi' };
}
