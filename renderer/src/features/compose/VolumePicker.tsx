import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { StoragePool } from '../../../../shared/snapshot/types';
import { formatBytes } from '../../format/units';
import { splitVolumeKey, volumeChoices, volumeKey } from './volume-choices';

type Props = {
  label: string;
  what: 'iso' | 'image';
  pools: StoragePool[];
  pool: string;
  volume: string;
  onPick: (pool: string, volume: string) => void;
  error?: boolean;
  helperText?: string;
};

/** A volume from the pod's pools, those named like `what` listed first; the size shown with each. */
export function VolumePicker({ label, what, pools, pool, volume, onPick, error, helperText }: Props) {
  const choices = volumeChoices(pools, what);
  const likely = choices.filter((c) => c.likely);
  const others = choices.filter((c) => !c.likely);
  const value = pool && volume ? volumeKey(pool, volume) : '';
  const missing = value !== '' && !choices.some((c) => volumeKey(c.pool, c.volume.name) === value);
  const item = (c: (typeof choices)[number]) => (
    <MenuItem key={volumeKey(c.pool, c.volume.name)} value={volumeKey(c.pool, c.volume.name)}>
      {`${c.volume.name} — ${formatBytes(c.volume.capacityBytes, 'decimal')} in pool ${c.pool}`}
    </MenuItem>
  );
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => {
        const k = splitVolumeKey(e.target.value);
        onPick(k.pool, k.volume);
      }}
      error={error}
      helperText={helperText ?? (choices.length === 0 ? 'No volumes in the active pools yet: upload one.' : ' ')}
      slotProps={{
        select: { displayEmpty: true, MenuProps: { slotProps: { paper: { sx: { maxHeight: 420 } } } } },
        inputLabel: { shrink: true },
      }}
      sx={{ minWidth: 360 }}
    >
      <MenuItem value="" disabled>
        Choose a volume
      </MenuItem>
      {likely.length > 0 && (
        <ListSubheader>{what === 'iso' ? 'Named like an ISO' : 'Named like a disk image'}</ListSubheader>
      )}
      {likely.map(item)}
      {others.length > 0 && <ListSubheader>Other volumes</ListSubheader>}
      {others.map(item)}
      {missing && <MenuItem value={value}>{`${volume} in pool ${pool} (not on the host now)`}</MenuItem>}
    </TextField>
  );
}
