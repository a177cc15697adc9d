import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import Tooltip from '@mui/material/Tooltip';
import { TableVirtuoso, type TableComponents } from 'react-virtuoso';
import { memo, useMemo, type KeyboardEvent, type MouseEvent } from 'react';
import { styled } from '@mui/material/styles';
import type { HostView } from '../../../../shared/contract';
import { useElementWidth } from '../../components/useElementWidth';
import { useLabStore } from '../../store';
import { ACTIONS_WIDTH, fitColumns, tableMinWidth, type HostColumn } from './host-columns';
import { HostRowActions, type RowActionHandlers } from './HostRowActions';

type Ctx = RowActionHandlers & { selectedId: string | null; onOpen: (h: HostView) => void; columns: HostColumn[] };

/** Clicks on the row's own buttons must not also open the detail panel. */
const fromControl = (e: MouseEvent | KeyboardEvent): boolean =>
  e.target instanceof Element &&
  e.target !== e.currentTarget &&
  e.target.closest('button, a, input, [role="button"]') !== null;

// Defined once, outside render: Virtuoso remounts everything if these identities change.
const components: TableComponents<HostView, Ctx> = {
  // Not a tab stop of its own (no focusable div): the rows' controls are.
  Scroller: (props) => <TableContainer component={Paper} variant="outlined" {...props} tabIndex={-1} />,
  Table: ({ context, ...props }) => (
    <Table
      {...props}
      size="small"
      aria-label="Hosts"
      sx={{
        tableLayout: 'fixed',
        minWidth: tableMinWidth(context.columns),
        borderCollapse: 'separate',
        '& td.stale': { color: 'text.disabled' },
      }}
    />
  ),
  TableHead: (props) => <TableHead {...props} />,
  TableBody: (props) => <TableBody {...props} />,
  TableRow: ({ item, context, ...props }) => (
    <TableRow
      {...props}
      hover
      tabIndex={0}
      selected={context.selectedId === item.id}
      onClick={(e) => !fromControl(e) && context.onOpen(item)}
      // Double-click goes past the side panel into the host's own screen.
      onDoubleClick={(e) => !fromControl(e) && useLabStore.getState().openHostDetail(item.id)}
      onKeyDown={(e) => {
        if ((e.key === 'Enter' || e.key === ' ') && !fromControl(e)) {
          e.preventDefault();
          context.onOpen(item);
        }
      }}
      sx={{
        cursor: 'pointer',
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
      }}
    />
  ),
};

export function HostHeaderCells({ columns, sortable = true }: { columns: HostColumn[]; sortable?: boolean }) {
  const sort = useLabStore((s) => s.sort);
  const toggleSort = useLabStore((s) => s.toggleSort);
  return (
    <TableRow>
      {columns.map((c) => {
        const active = sortable && c.sortKey !== undefined && sort.key === c.sortKey;
        const label =
          sortable && c.sortKey ? (
            <TableSortLabel
              active={active}
              direction={active ? sort.direction : 'asc'}
              onClick={() => c.sortKey && toggleSort(c.sortKey)}
            >
              {c.label}
            </TableSortLabel>
          ) : (
            c.label
          );
        return (
          <TableCell
            key={c.id}
            align={c.align}
            sortDirection={active ? sort.direction : false}
            style={{
              ...(c.width ? { width: c.width } : {}),
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
            }}
          >
            {c.description ? <Tooltip title={c.description}>{<span>{label}</span>}</Tooltip> : label}
          </TableCell>
        );
      })}
      <TableCell align="right" style={{ width: ACTIONS_WIDTH }}>
        Actions
      </TableCell>
    </TableRow>
  );
}

// One static style for every cell (no per-cell sx object): emotion then serialises it once.
const FactCell = styled(TableCell)({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' });

/** Memoised on the host object: an unchanged host is not re-rendered while the list scrolls or updates. */
const HostRowCells = memo(function HostRowCells({ host: h, ctx }: { host: HostView; ctx: Ctx }) {
  const stale = h.status !== 'online';
  return (
    <>
      {ctx.columns.map((c) => (
        <FactCell key={c.id} align={c.align} className={c.fact && stale ? 'stale' : undefined}>
          {c.render(h)}
        </FactCell>
      ))}
      <TableCell align="right" sx={{ py: 0 }}>
        <HostRowActions host={h} onRefresh={ctx.onRefresh} onEdit={ctx.onEdit} onRemove={ctx.onRemove} />
      </TableCell>
    </>
  );
});

type Props = RowActionHandlers & { hosts: HostView[]; selectedId: string | null; onOpen: (h: HostView) => void };

export function HostTable({ hosts, selectedId, onOpen, onRefresh, onEdit, onRemove }: Props) {
  const [boxRef, width] = useElementWidth<HTMLDivElement>();
  const columns = useMemo(() => fitColumns(width), [width]);
  const context = useMemo(
    () => ({ selectedId, onOpen, onRefresh, onEdit, onRemove, columns }),
    [selectedId, onOpen, onRefresh, onEdit, onRemove, columns],
  );
  return (
    <Box ref={boxRef} sx={{ height: '100%' }}>
      <TableVirtuoso
        style={{ height: '100%' }}
        data={hosts}
        context={context}
        components={components}
        computeItemKey={(_i, h) => h.id}
        increaseViewportBy={400}
        fixedHeaderContent={() => <HostHeaderCells columns={columns} />}
        itemContent={(_i, h, ctx) => <HostRowCells host={h} ctx={ctx} />}
      />
    </Box>
  );
}
