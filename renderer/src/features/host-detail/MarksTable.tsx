import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { monoFont } from '../../components/fonts';
import { MarkRowCells, markColumns } from './MarkRowCells';
import { detailTableSx } from './table-style';
import type { DraftErrors, MarkFields, MarkRow } from './marks-draft';

type Props = {
  title: string;
  kind: MarkRow['kind'];
  rows: MarkRow[];
  errors: DraftErrors;
  onChange: (key: string, patch: Partial<MarkFields>) => void;
  footer?: ReactNode;
};

export function MarksTable({ title, kind, rows, errors, onChange, footer }: Props) {
  return (
    <Box component="section" aria-label={title}>
      <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
        {title}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={title} sx={detailTableSx}>
          <TableHead>
            <TableRow>
              <TableCell>{kind === 'subnet' ? 'Subnet' : 'Interface'}</TableCell>
              <TableCell>Seen on</TableCell>
              {markColumns(kind).map((c) => (
                <TableCell key={c} align={c === 'External DHCP' ? 'center' : 'left'}>
                  {c}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key} hover>
                <TableCell
                  component="th"
                  scope="row"
                  sx={{
                    fontFamily: kind === 'subnet' ? monoFont : undefined,
                    fontWeight: 600,
                    whiteSpace: 'nowrap',
                    pt: '16px !important',
                  }}
                >
                  {r.target}
                </TableCell>
                <TableCell sx={{ color: 'text.secondary', pt: '16px !important', minWidth: 120 }}>{r.seenOn}</TableCell>
                <MarkRowCells row={r} errors={errors[r.key]} onChange={(patch) => onChange(r.key, patch)} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {footer}
    </Box>
  );
}
