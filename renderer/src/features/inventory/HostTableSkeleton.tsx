import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useElementWidth } from '../../components/useElementWidth';
import { fitColumns, tableMinWidth } from './host-columns';
import { HostHeaderCells } from './HostTable';

/** Same columns as the real table so nothing jumps when the first list arrives. */
export function HostTableSkeleton() {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const columns = fitColumns(width);
  return (
    <Paper ref={ref} variant="outlined" sx={{ overflow: 'auto' }} aria-busy="true" aria-label="Loading hosts">
      <Table size="small" sx={{ tableLayout: 'fixed', minWidth: tableMinWidth(columns) }}>
        <TableHead>
          <HostHeaderCells columns={columns} sortable={false} />
        </TableHead>
        <TableBody>
          {Array.from({ length: 6 }, (_, r) => (
            <TableRow key={r}>
              {columns.map((c) => (
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
