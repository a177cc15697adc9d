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
import type { KeyboardEvent, MouseEvent } from 'react';
import type { HostView } from '../../../../shared/contract';
import { useLabStore } from '../../store';
import { ACTIONS_WIDTH, hostColumns } from './host-columns';
import { HostRowActions, type RowActionHandlers } from './HostRowActions';

type Ctx = RowActionHandlers & { selectedId: string | null; onOpen: (h: HostView) => void };

export const HOST_TABLE_MIN_WIDTH = hostColumns.reduce((sum, c) => sum + (c.width ?? 160), ACTIONS_WIDTH);

/** Clicks on the row's own buttons must not also open the detail panel. */
const fromControl = (e: MouseEvent | KeyboardEvent): boolean =>
  e.target instanceof Element && e.target.closest('button, a, input, [role="button"]') !== null && e.target !== e.currentTarget;

// Defined once, outside render: Virtuoso remounts everything if these identities change.
const components: TableComponents<HostView, Ctx> = {
  Scroller: (props) => <TableContainer component={Paper} variant="outlined" {...props} />,
  Table: (props) => (
    <Table {...props} size="small" aria-label="Hosts" sx={{ tableLayout: 'fixed', minWidth: HOST_TABLE_MIN_WIDTH, borderCollapse: 'separate' }} />
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
      onKeyDown={(e) => {
        if ((e.key === 'Enter' || e.key === ' ') && !fromControl(e)) {
          e.preventDefault();
          context.onOpen(item);
        }
      }}
      sx={{ cursor: 'pointer', '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 } }}
    />
  ),
};

function HeaderRow() {
  const sort = useLabStore((s) => s.sort);
  const toggleSort = useLabStore((s) => s.toggleSort);
  return (
    <TableRow>
      {hostColumns.map((c) => {
        const active = c.sortKey !== undefined && sort.key === c.sortKey;
        const label = c.sortKey ? (
          <TableSortLabel active={active} direction={active ? sort.direction : 'asc'} onClick={() => c.sortKey && toggleSort(c.sortKey)}>
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
            style={c.width ? { width: c.width } : undefined}
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

type Props = RowActionHandlers & { hosts: HostView[]; selectedId: string | null; onOpen: (h: HostView) => void };

export function HostTable({ hosts, selectedId, onOpen, onRefresh, onEdit, onRemove }: Props) {
  return (
    <TableVirtuoso
      style={{ height: '100%' }}
      data={hosts}
      context={{ selectedId, onOpen, onRefresh, onEdit, onRemove }}
      components={components}
      computeItemKey={(_i, h) => h.id}
      increaseViewportBy={400}
      fixedHeaderContent={() => <HeaderRow />}
      itemContent={(_i, h, ctx) => (
        <>
          {hostColumns.map((c) => (
            <TableCell key={c.id} align={c.align} sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {c.render(h)}
            </TableCell>
          ))}
          <TableCell align="right" sx={{ py: 0 }}>
            <HostRowActions host={h} onRefresh={ctx.onRefresh} onEdit={ctx.onEdit} onRemove={ctx.onRemove} />
          </TableCell>
        </>
      )}
    />
  );
}
