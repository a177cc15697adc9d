import { parseStorage, serializeStorage, type StorageDisk } from '../../../../shared/compose';

/** The pool a disk's tags pick (a tag equal to a pool name), or null when none does. */
export function taggedPool(disk: Pick<StorageDisk, 'tags'>, poolNames: readonly string[]): string | null {
  return disk.tags.find((t) => poolNames.includes(t)) ?? null;
}

/**
 * The storage text with disk `index` sent to `pool` (null: let the pod decide). MAAS picks a pool
 * by a tag equal to its name, so the picker rewrites exactly that tag and leaves other tags alone.
 * Returns the text unchanged when it does not parse.
 */
export function setDiskPool(text: string, index: number, pool: string | null, poolNames: readonly string[]): string {
  const parsed = parseStorage(text);
  if (!parsed.ok) return text;
  const disks = parsed.value.map((d, i) => {
    if (i !== index) return d;
    const tags = d.tags.filter((t) => !poolNames.includes(t));
    return { ...d, tags: pool ? [...tags, pool] : tags };
  });
  return serializeStorage(disks);
}
