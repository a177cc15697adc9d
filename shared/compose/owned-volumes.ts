import type { Domain, DomainDisk } from '../snapshot/types';

/** The seed LabDeck makes for a VM composed from a cloud image: `<vm>-cidata.iso` in the boot disk's pool. */
export const seedVolumeName = (vmName: string): string =>
  `${vmName.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[-.]+/, '_')}-cidata.iso`;

export const diskPath = (d: DomainDisk): string | undefined =>
  d.source?.file ??
  d.source?.dev ??
  (d.source?.pool && d.source.volume ? `${d.source.pool}/${d.source.volume}` : undefined);

const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/**
 * The disks "delete with its volumes" may remove: the VM's own disks and its cloud-init seed.
 * Never an install ISO or any other CD-ROM medium: those are shared (one ISO serves many VMs), and
 * `undefine --remove-all-storage` would delete them too.
 */
export function ownedDisks(d: Pick<Domain, 'name' | 'disks'>): DomainDisk[] {
  const seed = seedVolumeName(d.name);
  return d.disks.filter((k) => {
    const p = diskPath(k);
    if (!p || !k.target) return false;
    return k.device === 'disk' || (k.device === 'cdrom' && baseName(p) === seed);
  });
}
