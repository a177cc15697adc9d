import Box from '@mui/material/Box';
import { MemoryCell } from './MemoryCell';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { HostView } from '../../../../shared/contract';
import { hostTarget, kindLabel } from '../../format/host-format';
import type { SortKey } from '../../store';
import { LiveIndicator } from '../../components/LiveIndicator';
import { StatusPill } from '../../components/StatusPill';

export type HostColumn = {
  id: string;
  label: string;
  /** What the header means when the label alone is terse. */
  description?: string;
  sortKey?: SortKey;
  /**
   * Fixed width; the one column without it (Name) takes the rest, at least NAME_MIN_WIDTH. Room for the
   * label, the sort arrow and the cell's padding, or the header spills into its neighbour.
   */
  width?: number;
  /** When space is short, columns with the highest number are hidden first (the detail panel shows them). */
  priority: number;
  /** Shows a remembered fact: greyed out while the host is not online, as it may be stale. */
  fact?: boolean;
  align?: 'left' | 'right';
  render: (h: HostView) => ReactNode;
};

const dash = (
  <Typography component="span" variant="body2" color="text.disabled">
    —
  </Typography>
);

const ratio = (a: number | undefined, b: number | undefined): ReactNode =>
  a === undefined || b === undefined ? dash : `${a} / ${b}`;

export const hostColumns: HostColumn[] = [
  {
    id: 'name',
    label: 'Name',
    sortKey: 'name',
    priority: 0,
    render: (h) => (
      <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap title={h.name}>
        {h.name}
      </Typography>
    ),
  },
  {
    id: 'address',
    label: 'Address',
    sortKey: 'address',
    width: 170,
    priority: 2,
    render: (h) => (
      <Typography variant="body2" noWrap title={hostTarget(h)} sx={{ fontFamily: 'inherit' }}>
        {hostTarget(h)}
      </Typography>
    ),
  },
  { id: 'kind', label: 'Kind', sortKey: 'kind', width: 96, priority: 7, render: (h) => kindLabel(h.kind) },
  {
    id: 'status',
    label: 'Status',
    sortKey: 'status',
    width: 150,
    priority: 1,
    render: (h) => (
      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
        <StatusPill status={h.status} busy={h.refreshing} message={h.statusMessage ?? h.lastError?.message} />
        <LiveIndicator live={h.live && h.status === 'online'} lastChangeAt={h.lastChangeAt} />
      </Box>
    ),
  },
  {
    id: 'cpus',
    label: 'CPUs',
    sortKey: 'cpus',
    fact: true,
    width: 100,
    priority: 5,
    align: 'right',
    render: (h) => h.lastFacts?.cpus ?? dash,
  },
  {
    id: 'memory',
    label: 'Memory',
    sortKey: 'memory',
    fact: true,
    width: 124,
    priority: 6,
    align: 'right',
    render: (h) => (h.lastFacts ? <MemoryCell facts={h.lastFacts} /> : dash),
  },
  {
    id: 'vms',
    label: 'VMs',
    description: 'running / total',
    sortKey: 'vms',
    fact: true,
    width: 96,
    priority: 3,
    align: 'right',
    render: (h) => ratio(h.lastFacts?.domainsRunning, h.lastFacts?.domainsTotal),
  },
  {
    id: 'networks',
    label: 'Networks',
    description: 'active / total',
    sortKey: 'networks',
    fact: true,
    width: 136,
    priority: 4,
    align: 'right',
    render: (h) => ratio(h.lastFacts?.networksActive, h.lastFacts?.networksTotal),
  },
  {
    id: 'libvirt',
    label: 'libvirt',
    sortKey: 'libvirt',
    fact: true,
    width: 108,
    priority: 8,
    render: (h) => h.lastFacts?.libvirtVersion ?? dash,
  },
  {
    id: 'tags',
    label: 'Tags',
    width: 140,
    priority: 9,
    render: (h) =>
      h.tags.length === 0 ? (
        dash
      ) : (
        <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'nowrap', overflow: 'hidden' }} title={h.tags.join(', ')}>
          {h.tags.map((t) => (
            <Chip key={t} label={t} size="small" variant="outlined" sx={{ height: 20, fontSize: '0.75rem' }} />
          ))}
        </Box>
      ),
  },
];

export const ACTIONS_WIDTH = 144;
export const NAME_MIN_WIDTH = 150;

const widthOf = (cols: HostColumn[]): number =>
  cols.reduce((sum, c) => sum + (c.width ?? NAME_MIN_WIDTH), ACTIONS_WIDTH);

/**
 * The columns that fit in `available` pixels, dropping the least important first, so the status,
 * VM and network counts stay on screen even with the detail panel open.
 */
export function fitColumns(available: number): HostColumn[] {
  if (available <= 0) return hostColumns;
  let cols = hostColumns;
  while (widthOf(cols) > available && cols.length > 2) {
    const drop = cols.reduce((worst, c) => (c.priority > worst.priority ? c : worst));
    cols = cols.filter((c) => c !== drop);
  }
  return cols;
}

export const tableMinWidth = widthOf;
