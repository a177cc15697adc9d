import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import InputAdornment from '@mui/material/InputAdornment';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import TextField from '@mui/material/TextField';
import Search from '@mui/icons-material/Search';
import { useEffect, useRef } from 'react';
import { hostStatuses, type HostStatus } from '../../../../shared/contract';
import { statusLabels } from '../../format/host-format';
import { useLabStore } from '../../store';

export function InventoryFilters() {
  const search = useLabStore((s) => s.search);
  const setSearch = useLabStore((s) => s.setSearch);
  const statusFilter = useLabStore((s) => s.statusFilter);
  const setStatusFilter = useLabStore((s) => s.setStatusFilter);
  const focusRequest = useLabStore((s) => s.searchFocusRequest);
  const searchRef = useRef<HTMLInputElement>(null);

  // The "/" and Ctrl+F shortcuts bump the request counter; 0 means "never asked" (no focus on mount).
  useEffect(() => {
    if (focusRequest > 0) {
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  }, [focusRequest]);

  return (
    <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
      <TextField
        inputRef={searchRef}
        size="small"
        type="search"
        placeholder="Search name, address, tag…  ( / )"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          // Escape clears, then gives focus back to the page so single-key shortcuts work again.
          if (e.key === 'Escape') {
            if (search) setSearch('');
            else (e.target as HTMLInputElement).blur();
          }
        }}
        sx={{ flex: '1 1 320px', maxWidth: 480 }}
        slotProps={{
          htmlInput: { 'aria-label': 'Search hosts' },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <Search fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id="status-filter-label">Status</InputLabel>
        <Select
          labelId="status-filter-label"
          label="Status"
          value={statusFilter}
          onChange={(e) => setStatusFilter(e.target.value as HostStatus | 'all')}
        >
          <MenuItem value="all">All statuses</MenuItem>
          {hostStatuses.map((s) => (
            <MenuItem key={s} value={s}>
              {statusLabels[s]}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
    </Box>
  );
}
