import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ComposePlan } from '../../../../shared/contract';
import { monoFont } from '../../components/fonts';
import { formatBytes } from '../../format/units';

/** The plan's disks: where each volume is created and why that pool. */
export function DiskPlanTable({ disks }: { disks: ComposePlan['disks'] }) {
  return (
    <Table size="small" aria-label="Planned disks">
      <TableHead>
        <TableRow>
          <TableCell>Disk</TableCell>
          <TableCell align="right">Size</TableCell>
          <TableCell>Pool</TableCell>
          <TableCell>Volume</TableCell>
          <TableCell>Why this pool</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {disks.map((d) => (
          <TableRow key={d.name}>
            <TableCell>
              {d.name}
              {d.boot ? ' (boot)' : ''}
            </TableCell>
            <TableCell align="right">{formatBytes(d.sizeBytes, 'decimal')}</TableCell>
            <TableCell>{d.pool}</TableCell>
            <TableCell sx={{ fontFamily: monoFont, fontSize: '0.8rem', wordBreak: 'break-all' }}>
              {d.path || d.volume} ({d.format})
            </TableCell>
            <TableCell>{d.reason}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
