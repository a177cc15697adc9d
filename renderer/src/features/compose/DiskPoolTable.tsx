import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ResolvedDisk, StorageDisk } from '../../../../shared/compose';
import type { StoragePool } from '../../../../shared/snapshot/types';
import { taggedPool } from './storage-pool-tags';
import { formatBytes } from '../../format/units';

const AUTO = '__auto__';

type Props = {
  disks: StorageDisk[];
  /** Where each disk would go (null when the pools cannot take them: see `poolError`). */
  resolved: ResolvedDisk[] | null;
  poolError: string | null;
  pools: StoragePool[];
  defaultPool: string | undefined;
  onPick: (index: number, pool: string | null) => void;
};

/** One row per disk of the storage text: size, and a pool picker that writes the disk's pool tag. */
export function DiskPoolTable({ disks, resolved, poolError, pools, defaultPool, onPick }: Props) {
  const names = pools.map((p) => p.name);
  return (
    <Table size="small" aria-label="Disks">
      <TableHead>
        <TableRow>
          <TableCell>Disk</TableCell>
          <TableCell align="right">Size</TableCell>
          <TableCell>Tags</TableCell>
          <TableCell sx={{ width: 300 }}>Pool</TableCell>
          <TableCell>Why this pool</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {disks.map((d, i) => {
          const tagged = taggedPool(d, names);
          return (
            <TableRow key={`${d.name}-${i}`}>
              <TableCell>
                {d.name}
                {d.boot ? ' (boot)' : ''}
              </TableCell>
              <TableCell align="right">{formatBytes(d.sizeBytes, 'decimal')}</TableCell>
              <TableCell>{d.tags.length ? d.tags.join(', ') : '—'}</TableCell>
              <TableCell>
                <TextField
                  select
                  size="small"
                  fullWidth
                  label={`Pool for ${d.name}`}
                  value={tagged ?? AUTO}
                  onChange={(e) => onPick(i, e.target.value === AUTO ? null : e.target.value)}
                >
                  <MenuItem value={AUTO}>
                    {defaultPool ? `pod default (${defaultPool})` : 'automatic (first pool with room)'}
                  </MenuItem>
                  {pools.map((p) => (
                    <MenuItem key={p.name} value={p.name} disabled={!p.active}>
                      {`${p.name} — ${p.active ? `${formatBytes(p.availableBytes, 'decimal')} free` : 'inactive'}`}
                    </MenuItem>
                  ))}
                </TextField>
              </TableCell>
              <TableCell>
                <Typography variant="body2" color={resolved ? 'text.primary' : 'error'}>
                  {resolved?.[i]?.reason ?? (i === 0 ? poolError : '') ?? ''}
                </Typography>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
