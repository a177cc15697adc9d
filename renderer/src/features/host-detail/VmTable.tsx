import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { TableVirtuoso, type TableComponents, type TableVirtuosoHandle } from 'react-virtuoso';
import type { Domain } from '../../../../shared/snapshot/types';
import { detailTableSx } from './table-style';
import { VM_TABLE_MIN_WIDTH, vmColumns } from './vm-columns';
import type { VmSort, VmSortKey } from './vm-list';
import { highlightedRowProps, VmRowCells, type VmRowShared } from './VmRow';

/**
 * Up to this many VMs every row is in the page (find in page, printing, a screen reader's table
 * navigation see them all); beyond, only the rows in view and a margin are drawn.
 */
const ALL_ROWS_UP_TO = 50;

type Ctx = {
  shared: VmRowShared;
  busy: ReadonlySet<string>;
  highlight: string | null;
  highlightRef: (row: HTMLTableRowElement | null) => void;
};

type Props = {
  /** The VMs to show, filtered and sorted. */
  shown: Domain[];
  /** How many VMs the host has: decides whether rows are virtualised (not the filtered count, so typing does not switch). */
  total: number;
  sort: VmSort;
  onSort: (key: VmSortKey) => void;
  shared: VmRowShared;
  busy: ReadonlySet<string>;
  /** "Go to the VM": its row is picked out, scrolled to and focused once it is there (a fresh VM may come with the next snapshot). */
  highlight: string | null;
};

const tableSx = {
  ...detailTableSx,
  tableLayout: 'fixed',
  minWidth: VM_TABLE_MIN_WIDTH,
  borderCollapse: 'separate',
  // A header wider than its column wraps rather than running under the next one.
  '& thead th': { bgcolor: 'background.paper', whiteSpace: 'normal' },
} as const;

const containerSx = { flex: '0 1 auto', minHeight: 0, overflow: 'auto' } as const;

function HeaderRow({ sort, onSort }: { sort: VmSort; onSort: (key: VmSortKey) => void }) {
  return (
    <TableRow>
      {vmColumns.map((c) => {
        const active = c.sortKey !== undefined && sort.key === c.sortKey;
        return (
          <TableCell
            key={c.label}
            align={c.align}
            sortDirection={active ? sort.dir : false}
            style={c.width === undefined ? undefined : { width: c.width }}
          >
            {c.sortKey ? (
              <TableSortLabel
                active={active}
                direction={active ? sort.dir : 'asc'}
                onClick={() => c.sortKey && onSort(c.sortKey)}
              >
                {c.label}
              </TableSortLabel>
            ) : (
              c.label
            )}
          </TableCell>
        );
      })}
    </TableRow>
  );
}

function NoMatchRow() {
  return (
    <TableRow>
      <TableCell colSpan={vmColumns.length}>
        <Typography variant="body2" color="text.secondary">
          No VM matches the search and state filter.
        </Typography>
      </TableCell>
    </TableRow>
  );
}

// Defined once, outside render: Virtuoso remounts everything if these identities change.
const components: TableComponents<Domain, Ctx> = {
  // Not a tab stop of its own (no focusable div): the rows' buttons are, and the keys scroll around them.
  Scroller: ({ context: _ctx, ...props }) => (
    <TableContainer component={Paper} variant="outlined" {...props} tabIndex={-1} />
  ),
  Table: ({ context: _ctx, ...props }) => <Table {...props} size="small" aria-label="VMs" sx={tableSx} />,
  TableHead: ({ context: _ctx, ...props }) => <TableHead {...props} />,
  TableBody: ({ context: _ctx, ...props }) => <TableBody {...props} />,
  TableRow: ({ item, context, ...props }) =>
    item.name === context.highlight ? (
      <TableRow {...props} hover {...highlightedRowProps} ref={context.highlightRef} />
    ) : (
      <TableRow {...props} hover />
    ),
  EmptyPlaceholder: () => (
    <TableBody>
      <NoMatchRow />
    </TableBody>
  ),
};

/** The VM table: every row for a small host, the rows in view for a big one. */
export function VmTable({ shown, total, sort, onSort, shared, busy, highlight }: Props) {
  // Scrolled to and focused once per VM picked out, so later sorting or scrolling is left alone.
  const focused = useRef<string | null>(null);
  const highlightRef = useCallback(
    (row: HTMLTableRowElement | null) => {
      if (!row || !highlight || focused.current === highlight) return;
      focused.current = highlight;
      row.scrollIntoView({ block: 'center' });
      row.focus({ preventScroll: true });
    },
    [highlight],
  );
  const context = useMemo(() => ({ shared, busy, highlight, highlightRef }), [shared, busy, highlight, highlightRef]);
  if (total <= ALL_ROWS_UP_TO)
    return (
      <TableContainer component={Paper} variant="outlined" sx={containerSx}>
        <Table size="small" aria-label="VMs" stickyHeader sx={tableSx}>
          <TableHead>
            <HeaderRow sort={sort} onSort={onSort} />
          </TableHead>
          <TableBody>
            {shown.length === 0 && <NoMatchRow />}
            {shown.map((d) => (
              <TableRow
                key={d.name}
                hover
                {...(d.name === highlight ? { ...highlightedRowProps, ref: highlightRef } : {})}
              >
                <VmRowCells domain={d} busy={busy.has(d.name)} shared={shared} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    );
  return <VirtualVmTable shown={shown} sort={sort} onSort={onSort} context={context} focused={focused} />;
}

function VirtualVmTable({
  shown,
  sort,
  onSort,
  context,
  focused,
}: {
  shown: Domain[];
  sort: VmSort;
  onSort: (key: VmSortKey) => void;
  context: Ctx;
  focused: { current: string | null };
}) {
  const virtuoso = useRef<TableVirtuosoHandle>(null);
  const { highlight } = context;
  const at = highlight ? shown.findIndex((d) => d.name === highlight) : -1;
  // Opened on a VM far down: start there rather than at the top and then jump.
  const [startAt] = useState(() => (at > 0 ? { index: at, align: 'center' as const } : 0));
  // A row not drawn yet is brought into view first; its ref then centres and focuses it.
  useEffect(() => {
    if (at >= 0 && focused.current !== highlight) virtuoso.current?.scrollToIndex({ index: at, align: 'center' });
  }, [at, highlight, focused]);
  return (
    <TableVirtuoso
      ref={virtuoso}
      style={{ flex: 1, minHeight: 0 }}
      data={shown}
      context={context}
      components={components}
      computeItemKey={(_i, d) => d.name}
      initialTopMostItemIndex={startAt}
      increaseViewportBy={200}
      fixedHeaderContent={() => <HeaderRow sort={sort} onSort={onSort} />}
      itemContent={(_i, d, ctx) => <VmRowCells domain={d} busy={ctx.busy.has(d.name)} shared={ctx.shared} />}
    />
  );
}
