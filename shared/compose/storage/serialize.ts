import type { StorageDisk } from './types';

/** Writes disks back as `[label:]size[(tag,…)]`, comma-separated. Sizes use the shortest decimal. */
export function serializeStorage(disks: readonly Pick<StorageDisk, 'label' | 'sizeGB' | 'tags'>[]): string {
  return disks
    .map((d) => {
      const size = Number.isInteger(d.sizeGB) ? String(d.sizeGB) : d.sizeGB.toFixed(9).replace(/0+$/, '');
      const tags = d.tags.length > 0 ? `(${d.tags.join(',')})` : '';
      return `${d.label !== null ? `${d.label}:` : ''}${size}${tags}`;
    })
    .join(',');
}
