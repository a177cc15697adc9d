import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { ACTIONS_WIDTH, hostColumns } from './host-columns';

/** Same columns as the real table so nothing jumps when the first list arrives. */
export function HostTableSkeleton() {
  return (
    <Paper variant="outlined" sx={{ overflow: 'hidden' }} aria-busy="true" aria-label="Loading hosts">
      <Table size="small" sx={{ tableLayout: 'fixed' }}>
        <TableHead>
          <TableRow>
            {hostColumns.map((c) => (
              <TableCell key={c.id} align={c.align} style={c.width ? { width: c.width } : undefined}>
                {c.label}
              </TableCell>
            ))}
            <TableCell align="right" style={{ width: ACTIONS_WIDTH }}>
              Actions
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {Array.from({ length: 6 }, (_, r) => (
            <TableRow key={r}>
              {hostColumns.map((c) => (
                <TableCell key={c.id}>
                  <Skeleton variant="text" width={c.id === 'name' ? '70%' : '80%'} />
                </TableCell>
              ))}
              <TableCell>
                <Skeleton variant="text" />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
