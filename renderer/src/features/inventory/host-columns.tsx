import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { HostView } from '../../../../shared/contract';
import { gib, hostTarget, kindLabel } from '../../format/host-format';
import type { SortKey } from '../../store';
import { StatusPill } from './StatusPill';

export type HostColumn = {
  id: string;
  label: string;
  /** What the header means when the label alone is terse. */
  description?: string;
  sortKey?: SortKey;
  width?: number;
  align?: 'left' | 'right';
  render: (h: HostView) => ReactNode;
};

const dash = (
  <Typography component="span" variant="body2" color="text.disabled">
    —
  </Typography>
);

const ratio = (a: number | undefined, b: number | undefined): ReactNode => (a === undefined || b === undefined ? dash : `${a} / ${b}`);

export const hostColumns: HostColumn[] = [
  {
    id: 'name',
    label: 'Name',
    sortKey: 'name',
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
    width: 200,
    render: (h) => (
      <Typography variant="body2" noWrap title={hostTarget(h)} sx={{ fontFamily: 'inherit' }}>
        {hostTarget(h)}
      </Typography>
    ),
  },
  { id: 'kind', label: 'Kind', sortKey: 'kind', width: 84, render: (h) => kindLabel(h.kind) },
  {
    id: 'status',
    label: 'Status',
    sortKey: 'status',
    width: 168,
    render: (h) => <StatusPill status={h.status} busy={h.refreshing} message={h.statusMessage ?? h.lastError?.message} />,
  },
  { id: 'cpus', label: 'CPUs', sortKey: 'cpus', width: 72, align: 'right', render: (h) => h.lastFacts?.cpus ?? dash },
  {
    id: 'memory',
    label: 'Memory',
    sortKey: 'memory',
    width: 96,
    align: 'right',
    render: (h) => (h.lastFacts ? `${gib(h.lastFacts.memoryKiB)} GiB` : dash),
  },
  {
    id: 'vms',
    label: 'VMs',
    description: 'running / total',
    sortKey: 'vms',
    width: 80,
    align: 'right',
    render: (h) => ratio(h.lastFacts?.domainsRunning, h.lastFacts?.domainsTotal),
  },
  {
    id: 'networks',
    label: 'Networks',
    description: 'active / total',
    sortKey: 'networks',
    width: 100,
    align: 'right',
    render: (h) => ratio(h.lastFacts?.networksActive, h.lastFacts?.networksTotal),
  },
  { id: 'libvirt', label: 'libvirt', sortKey: 'libvirt', width: 88, render: (h) => h.lastFacts?.libvirtVersion ?? dash },
  {
    id: 'tags',
    label: 'Tags',
    width: 160,
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

export const ACTIONS_WIDTH = 120;
