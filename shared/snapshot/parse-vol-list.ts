import type { StorageVolume } from './types';
import { prettyToBytes } from './units';
import { tableRows } from './virsh-text';

/**
 * Parses `virsh vol-list --pool P --details`:
 *   " Name             Path                                 Type   Capacity   Allocation"
 *   " disk one.qcow2   /var/lib/lab images/disk one.qcow2   file   2.00 GiB   196.00 MiB"
 * Names and paths may hold spaces, so the right-hand columns are taken from the end and the
 * name/path boundary from the header's "Path" offset (virsh pads every cell to its column).
 */
export function parseVolList(body: string): StorageVolume[] {
  const table = tableRows(body);
  if (!table) return [];
  const pathCol = table.header.indexOf(' Path') + 1;
  return table.rows.flatMap((row) => {
    const m = row.trimEnd().match(/^(.*?)\s+(\S+)\s+([\d.]+)\s+(\S+)\s+([\d.]+)\s+(\S+)$/);
    if (!m) return [];
    const [, left = '', type = '', capValue = '', capUnit = '', allocValue = '', allocUnit = ''] = m;
    let name = pathCol > 0 ? left.slice(0, pathCol).trim() : '';
    let path = pathCol > 0 ? left.slice(pathCol).trim() : '';
    // Columns misaligned (wide characters in a name): fall back to "the path starts at ' /'".
    if (!name || (path && !path.startsWith('/') && left.includes(' /'))) {
      const at = left.indexOf(' /');
      name = (at > 0 ? left.slice(0, at) : left).trim();
      path = at > 0 ? left.slice(at).trim() : '';
    }
    return [
      {
        name,
        path,
        type,
        capacityBytes: prettyToBytes(capValue, capUnit) ?? 0,
        allocationBytes: prettyToBytes(allocValue, allocUnit) ?? 0,
      },
    ];
  });
}
