import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { HostSnapshot, StoragePool } from '../../../../shared/snapshot/types';
import { monoFont } from '../../components/fonts';
import { Pill } from '../../components/Pill';
import { detailTableSx } from './table-style';
import { formatBytes } from '../../format/units';
import { UsageBar } from './UsageBar';

/** Which VM's disk a volume is, by path or by pool/volume name. */
function volumeUsers(s: HostSnapshot, pool: StoragePool): Map<string, string[]> {
  const users = new Map<string, string[]>();
  for (const v of pool.volumes) {
    const names = (s.libvirt?.domains ?? [])
      .filter((d) =>
        d.disks.some(
          (k) =>
            k.source &&
            (k.source.file === v.path ||
              k.source.dev === v.path ||
              (k.source.pool === pool.name && k.source.volume === v.name)),
        ),
      )
      .map((d) => d.name);
    users.set(v.name, names);
  }
  return users;
}

function PoolCard({ pool, snapshot }: { pool: StoragePool; snapshot: HostSnapshot }) {
  const users = volumeUsers(snapshot, pool);
  return (
    <Paper variant="outlined" component="section" aria-label={`Storage pool ${pool.name}`} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap', mb: 1.5 }}>
        <Typography variant="h6" component="h3">
          {pool.name}
        </Typography>
        <Pill tone={pool.active ? 'success' : 'neutral'}>{pool.active ? 'active' : 'inactive'}</Pill>
        <Typography variant="body2" color="text.secondary">
          {pool.type} · autostart {pool.autostart ? 'on' : 'off'}
        </Typography>
        {pool.targetPath && (
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{ fontFamily: monoFont, fontSize: '0.8rem', wordBreak: 'break-all' }}
          >
            {pool.targetPath}
          </Typography>
        )}
      </Box>
      {pool.active ? (
        <UsageBar
          label="Allocation"
          used={pool.allocationBytes}
          total={pool.capacityBytes}
          format={formatBytes}
          note={`${formatBytes(pool.availableBytes)} available`}
        />
      ) : (
        <Typography variant="body2" color="text.secondary">
          libvirt reports no capacity or volumes for an inactive pool.
        </Typography>
      )}
      {pool.active && (
        <Table size="small" aria-label={`Volumes in ${pool.name}`} sx={[detailTableSx, { mt: 2 }]}>
          <TableHead>
            <TableRow>
              <TableCell>Volume</TableCell>
              <TableCell>Type</TableCell>
              <TableCell align="right">Capacity</TableCell>
              <TableCell align="right">Allocated</TableCell>
              <TableCell>Used by</TableCell>
              <TableCell>Path</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {pool.volumes.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} sx={{ color: 'text.secondary' }}>
                  No volumes.
                </TableCell>
              </TableRow>
            )}
            {pool.volumes.map((v) => (
              <TableRow key={v.path} hover>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                  {v.name}
                </TableCell>
                <TableCell>{v.type}</TableCell>
                <TableCell align="right">{formatBytes(v.capacityBytes)}</TableCell>
                <TableCell align="right">{formatBytes(v.allocationBytes)}</TableCell>
                <TableCell>
                  {users.get(v.name)?.join(', ') || (
                    <Box component="span" sx={{ color: 'text.disabled' }}>
                      no VM
                    </Box>
                  )}
                </TableCell>
                <TableCell sx={{ fontFamily: monoFont, fontSize: '0.8rem', wordBreak: 'break-all' }}>
                  {v.path}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Paper>
  );
}

export function StorageTab({ snapshot }: { snapshot: HostSnapshot }) {
  const pools = snapshot.libvirt?.pools ?? [];
  if (pools.length === 0)
    return <Typography color="text.secondary">This host has no libvirt storage pools.</Typography>;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {pools.map((p) => (
        <PoolCard key={p.name} pool={p} snapshot={snapshot} />
      ))}
    </Box>
  );
}
