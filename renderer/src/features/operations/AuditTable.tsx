import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import UnfoldLess from '@mui/icons-material/UnfoldLess';
import UnfoldMore from '@mui/icons-material/UnfoldMore';
import { useCallback, useState } from 'react';
import { quoteArgv } from '../../../../shared/remote/shell-quote';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { TableVirtuoso, type TableComponents } from 'react-virtuoso';
import type { AuditEntry } from '../../../../shared/contract';
import { monoFont } from '../../components/fonts';
import { auditTime, duration, fullTime } from '../../format/time-format';
import { OutcomeLabel } from './OutcomeLabel';

type Ctx = { hostLabel: (e: AuditEntry) => string; isOpen: (id: string) => boolean; toggle: (id: string) => void };

const columns: { id: string; label: string; width?: number; align?: 'right' }[] = [
  { id: 'time', label: 'Time', width: 150 },
  { id: 'host', label: 'Host', width: 150 },
  { id: 'command', label: 'Command' },
  { id: 'duration', label: 'Duration', width: 96, align: 'right' },
  { id: 'exit', label: 'Exit code', width: 88, align: 'right' },
  { id: 'outcome', label: 'Outcome', width: 96 },
  { id: 'stderr', label: 'stderr', width: 280 },
];

const MIN_WIDTH = columns.reduce((s, c) => s + (c.width ?? 320), 0);

const mono = { fontFamily: monoFont, fontSize: '0.8rem' } as const;
const clip = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
// Expanded: every character, wrapped anywhere (argv and XML have few spaces), never cut off.
const wrap = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

// Stable identities: Virtuoso remounts if these change between renders.
const components: TableComponents<AuditEntry, Ctx> = {
  // Not a tab stop of its own (no focusable div): the rows' controls are.
  Scroller: (props) => <TableContainer component={Paper} variant="outlined" {...props} tabIndex={-1} />,
  Table: (props) => (
    <Table
      {...props}
      size="small"
      aria-label="Audit log"
      sx={{ tableLayout: 'fixed', minWidth: MIN_WIDTH, borderCollapse: 'separate' }}
    />
  ),
  TableHead: (props) => <TableHead {...props} />,
  TableBody: (props) => <TableBody {...props} />,
  TableRow: ({ item: _item, context: _ctx, ...props }) => (
    <TableRow {...props} hover sx={{ '& > td': { verticalAlign: 'top' } }} />
  ),
};

export function AuditTable({ entries, hostLabel }: { entries: AuditEntry[]; hostLabel: (e: AuditEntry) => string }) {
  // Rows opened to show the whole command and stderr; by id, so they stay open as entries arrive.
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const isOpen = useCallback((id: string) => open.has(id), [open]);
  const toggle = useCallback(
    (id: string) =>
      setOpen((o) => {
        const next = new Set(o);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  return (
    <TableVirtuoso
      style={{ height: '100%' }}
      data={entries}
      context={{ hostLabel, isOpen, toggle }}
      components={components}
      computeItemKey={(_i, e) => e.id}
      increaseViewportBy={400}
      fixedHeaderContent={() => (
        <TableRow>
          {columns.map((c) => (
            <TableCell key={c.id} align={c.align} style={c.width ? { width: c.width } : undefined}>
              {c.label}
            </TableCell>
          ))}
        </TableRow>
      )}
      itemContent={(_i, e, ctx) => {
        // Quoted exactly as it ran, so it can be pasted into a shell; stdin is described beside it.
        const command = quoteArgv(e.argv) + (e.stdinNote ? `  < ${e.stdinNote}` : '');
        const stderr = e.stderrHead.trim();
        const expanded = ctx.isOpen(e.id);
        return (
          <>
            <TableCell sx={clip} title={fullTime(e.startedAt)}>
              {auditTime(e.startedAt)}
            </TableCell>
            <TableCell sx={clip} title={e.host}>
              {ctx.hostLabel(e)}
            </TableCell>
            <TableCell sx={mono}>
              <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5 }}>
                <Box
                  component="span"
                  sx={{ flex: 1, minWidth: 0, ...(expanded ? wrap : clip) }}
                  title={expanded ? undefined : command}
                >
                  {command}
                </Box>
                <IconButton
                  size="small"
                  sx={{ p: 0.25, mt: -0.25 }}
                  aria-label="Show full command"
                  aria-expanded={expanded}
                  onClick={() => ctx.toggle(e.id)}
                >
                  {expanded ? <UnfoldLess fontSize="inherit" /> : <UnfoldMore fontSize="inherit" />}
                </IconButton>
              </Box>
            </TableCell>
            <TableCell align="right" sx={clip}>
              {duration(e.durationMs)}
            </TableCell>
            <TableCell align="right">{e.exitCode ?? '—'}</TableCell>
            <TableCell>
              <OutcomeLabel outcome={e.outcome} />
            </TableCell>
            <TableCell sx={{ ...(expanded ? wrap : clip), ...mono }} title={(!expanded && stderr) || undefined}>
              {stderr ? (
                expanded ? (
                  stderr
                ) : (
                  stderr.split('\n')[0]
                )
              ) : (
                <Typography component="span" variant="body2" color="text.disabled">
                  —
                </Typography>
              )}
            </TableCell>
          </>
        );
      }}
    />
  );
}
