import type { VmSortKey } from './vm-list';

export type VmColumn = { label: string; width?: number | string; align?: 'right'; sortKey?: VmSortKey };

/**
 * The VM table's columns. Widths are fixed (table-layout: fixed), so they do not change with the
 * rows drawn while a long list scrolls; Disks takes a share of what is left, NICs the rest.
 */
export const vmColumns: readonly VmColumn[] = [
  { label: 'Name', width: 160, sortKey: 'name' },
  { label: 'State', width: 100, sortKey: 'state' },
  { label: 'Addresses', width: 150 },
  { label: 'vCPUs', width: 84, align: 'right', sortKey: 'vcpus' },
  { label: 'Memory', width: 100, align: 'right', sortKey: 'memory' },
  { label: 'Disks', width: '15%' },
  { label: 'NICs (attachment, MAC, host device, IP)' },
  { label: 'Actions', width: 148, align: 'right' },
];

/** Narrower than this, the table scrolls sideways rather than squeezing NICs and disk paths. */
export const VM_TABLE_MIN_WIDTH = 1180;
