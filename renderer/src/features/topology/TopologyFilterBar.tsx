import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { isFiltering, noFilter, type FilteredGraph, type TopologyFilter, type VmStateFilter } from './topology-filter';
import type { TopoNode } from './topology-types';

const ANY = '';
const stateWords: [VmStateFilter, string][] = [
  ['any', 'Any state'],
  ['running', 'running'],
  ['paused', 'paused'],
  ['stopped', 'shut off'],
];
const kindWord = { interface: 'NIC', bridge: 'bridge', network: 'network', vm: 'VM' } as const;

type Props = {
  filter: TopologyFilter;
  onChange: (f: TopologyFilter) => void;
  attachPoints: TopoNode[];
  result: FilteredGraph;
};

/** Which VMs to draw: by name, by what they are linked to, by state. */
export function TopologyFilterBar({ filter, onChange, attachPoints, result }: Props) {
  const filtering = isFiltering(filter);
  const cut = result.drawn < result.matched;
  return (
    <Box
      component="search"
      aria-label="Filter the topology"
      sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}
    >
      <TextField
        size="small"
        label="VM name"
        placeholder="part of a name"
        value={filter.vm}
        onChange={(e) => onChange({ ...filter, vm: e.target.value })}
        sx={{ width: 200 }}
      />
      <TextField
        select
        size="small"
        label="Linked to"
        value={filter.via ?? ANY}
        onChange={(e) => onChange({ ...filter, via: e.target.value === ANY ? null : e.target.value })}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        sx={{ width: 220 }}
      >
        <MenuItem value={ANY}>Anything</MenuItem>
        {attachPoints.map((n) => (
          <MenuItem key={n.id} value={n.id}>
            {n.name} ({kindWord[n.kind]})
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label="VM state"
        value={filter.state}
        onChange={(e) => onChange({ ...filter, state: e.target.value as VmStateFilter })}
        sx={{ width: 150 }}
      >
        {stateWords.map(([v, word]) => (
          <MenuItem key={v} value={v}>
            {word}
          </MenuItem>
        ))}
      </TextField>
      {filtering && (
        <Button size="small" onClick={() => onChange(noFilter)}>
          Clear filter
        </Button>
      )}
      <Typography variant="body2" color={cut ? 'warning.main' : 'text.secondary'} role="status">
        {cut
          ? `Drawing the first ${result.drawn} of ${result.matched} matching VMs (of ${result.total}): narrow the filter to see the others.`
          : filtering
            ? `${result.matched} of ${result.total} VMs match.`
            : `${result.total} VMs.`}
      </Typography>
    </Box>
  );
}
