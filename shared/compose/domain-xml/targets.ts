/**
 * Disk target names by index, as MAAS's virsh driver named them:
 * 0 → vda, 25 → vdz, 26 → vdaa, 701 → vdzz, 702 → vdaaa.
 */
export function diskTarget(index: number, prefix = 'vd'): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`disk index must be a whole number ≥ 0, got ${index}`);
  let name = '';
  let i = index;
  while (i >= 0) {
    name = String.fromCharCode(97 + (i % 26)) + name;
    i = Math.floor(i / 26) - 1;
  }
  return prefix + name;
}
