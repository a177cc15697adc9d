import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import { useShallow } from 'zustand/react/shallow';
import { selectAuditHostKeys, useLabStore } from '../../store';

/** Keys are host ids (or "host:<name>" for entries of hosts no longer in the inventory). */
export function AuditHostFilter({ labelFor }: { labelFor: (key: string) => string }) {
  const keys = useLabStore(useShallow(selectAuditHostKeys));
  const value = useLabStore((s) => s.auditHostFilter);
  const setFilter = useLabStore((s) => s.setAuditHostFilter);
  return (
    <FormControl size="small" sx={{ minWidth: 240 }}>
      <InputLabel id="audit-host-filter-label">Filter by host</InputLabel>
      <Select
        labelId="audit-host-filter-label"
        label="Filter by host"
        value={keys.includes(value) ? value : 'all'}
        onChange={(e) => setFilter(e.target.value)}
      >
        <MenuItem value="all">All hosts</MenuItem>
        {keys
          .map((k) => ({ k, label: labelFor(k) }))
          .sort((a, b) => a.label.localeCompare(b.label))
          .map(({ k, label }) => (
            <MenuItem key={k} value={k}>
              {label}
            </MenuItem>
          ))}
      </Select>
    </FormControl>
  );
}
