import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Search from '@mui/icons-material/Search';
import { useEffect, useMemo, useRef, useState } from 'react';
import { errorShapeOf } from '../../api';
import { useLabStore } from '../../store';
import type { Domain, HostSnapshot } from '../../../../shared/snapshot/types';
import { nicAttachments, warningsToFlag, type HostWarning } from '../../../../shared/warnings';
import { monoFont } from '../../components/fonts';
import { domainRequest } from './action-requests';
import { ConfirmActionDialog, type ActionRequest } from './ConfirmActionDialog';
import { DeleteVmDialog } from './DeleteVmDialog';
import { domainTone, Pill } from '../../components/Pill';
import { detailTableSx } from './table-style';
import { formatKiB } from '../../format/units';
import { useHostAction, type DomainAction } from './useHostAction';
import { VmActions } from './VmActions';
import { VmNicList } from '../../components/VmNicList';
import { WarningIcon } from './WarningIcon';
import { VmAddresses } from '../../components/guest-addresses';

type Props = { hostId: string; hostName: string; snapshot: HostSnapshot; warnings: HostWarning[] };

type SortKey = 'name' | 'state' | 'vcpus' | 'memory';
type Sort = { key: SortKey; dir: 'asc' | 'desc' };

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const compare: Record<SortKey, (a: Domain, b: Domain) => number> = {
  name: (a, b) => collator.compare(a.name, b.name),
  state: (a, b) => collator.compare(a.state, b.state) || collator.compare(a.name, b.name),
  vcpus: (a, b) => a.vcpus - b.vcpus || collator.compare(a.name, b.name),
  memory: (a, b) => a.memoryKiB - b.memoryKiB || collator.compare(a.name, b.name),
};

/** What the search box matches: the name, disk paths, MACs and known IPs. */
function searchText(d: Domain): string {
  const disks = d.disks.map((k) => k.source?.file ?? k.source?.dev ?? k.source?.volume ?? '');
  const nics = d.nics.flatMap((n) => [n.mac ?? '', ...n.ips.map((ip) => ip.address)]);
  return [d.name, ...disks, ...nics].join(' ').toLowerCase();
}

/** Rows drawn at first and added each time the end of the table scrolls into view: a host with thousands of VMs paints as fast as a small one. */
const ROWS_PER_PAGE = 50;

/** Start and Resume change nothing that cannot be undone: they run at once, without a question. */
const unconfirmed = new Set<DomainAction>(['start', 'resume']);

/** Every VM with its state, size, disks and NICs; search, state filter and sort; power and delete actions (destructive ones confirmed). */
export function VmsTab({ hostId, hostName, snapshot, warnings }: Props) {
  const act = useHostAction(hostId);
  const notify = useLabStore((s) => s.notify);
  const [request, setRequest] = useState<ActionRequest | null>(null);
  const [deleting, setDeleting] = useState<Domain | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState('');
  const [stateFilter, setStateFilter] = useState('all');
  const [sort, setSort] = useState<Sort>({ key: 'name', dir: 'asc' });
  const attachments = useMemo(() => {
    const byDomain = new Map<string, ReturnType<typeof nicAttachments>>();
    for (const a of nicAttachments(snapshot)) byDomain.set(a.domain.name, [...(byDomain.get(a.domain.name) ?? []), a]);
    return byDomain;
  }, [snapshot]);
  const domains = useMemo(() => snapshot.libvirt?.domains ?? [], [snapshot]);
  const searchTexts = useMemo(() => new Map(domains.map((d) => [d, searchText(d)])), [domains]);
  const states = useMemo(() => [...new Set(domains.map((d) => d.state))].sort(collator.compare), [domains]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const kept = domains.filter(
      (d) => (stateFilter === 'all' || d.state === stateFilter) && (q === '' || searchTexts.get(d)!.includes(q)),
    );
    const sorted = [...kept].sort(compare[sort.key]);
    return sort.dir === 'asc' ? sorted : sorted.reverse();
  }, [domains, searchTexts, query, stateFilter, sort]);
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const highlight = useLabStore((s) => s.highlightVm);
  // The highlighted VM is always drawn, however far down it sorts.
  const drawn = useMemo(() => {
    const at = highlight ? shown.findIndex((d) => d.name === highlight) : -1;
    return shown.slice(0, Math.max(limit, at + 1));
  }, [shown, limit, highlight]);
  const more = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    const row = more.current;
    if (!row || typeof IntersectionObserver === 'undefined') return;
    const seen = new IntersectionObserver(
      (e) => e.some((x) => x.isIntersecting) && setLimit((l) => l + ROWS_PER_PAGE),
      { rootMargin: '400px' },
    );
    seen.observe(row);
    return () => seen.disconnect();
  }, [drawn]);
  // "Go to the VM": its row is picked out, scrolled to and focused once it is there (a fresh VM may come with the next snapshot).
  const highlightRow = useRef<HTMLTableRowElement>(null);
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    const row = highlightRow.current;
    if (!row || !highlight || scrolledTo.current === highlight) return;
    scrolledTo.current = highlight;
    row.scrollIntoView({ block: 'center' });
    row.focus({ preventScroll: true });
  }, [highlight, shown]);
  if (domains.length === 0) return <Typography color="text.secondary">This host has no VMs.</Typography>;

  const runNow = async (d: Domain, a: DomainAction): Promise<void> => {
    const r = domainRequest(d, a as Exclude<DomainAction, 'delete'>, hostName, act.domain);
    setBusy((b) => new Set(b).add(d.name));
    try {
      const commands = await r.run();
      notify({ severity: 'success', message: commands.length ? `${r.done} — ran ${commands.join(' && ')}` : r.done });
    } catch (err) {
      notify({ severity: 'error', message: `${r.title.replace(/\?$/, '')} failed`, error: errorShapeOf(err) });
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(d.name);
        return next;
      });
    }
  };

  const onAction = (d: Domain, a: DomainAction): void => {
    if (a === 'delete') setDeleting(d);
    else if (unconfirmed.has(a)) void runNow(d, a);
    else setRequest(domainRequest(d, a, hostName, act.domain));
  };

  const sortHeader = (key: SortKey, label: string, align?: 'right') => (
    <TableCell align={align} sortDirection={sort.key === key ? sort.dir : false}>
      <TableSortLabel
        active={sort.key === key}
        direction={sort.key === key ? sort.dir : 'asc'}
        onClick={() => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }))}
      >
        {label}
      </TableSortLabel>
    </TableCell>
  );

  return (
    <>
      <Box
        role="search"
        aria-label="Filter VMs"
        sx={{ display: 'flex', gap: 1.5, alignItems: 'center', mb: 1.5, flexWrap: 'wrap' }}
      >
        <TextField
          size="small"
          type="search"
          label="Search VMs"
          placeholder="Name, disk path, MAC or IP"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          sx={{ minWidth: 320 }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <Search fontSize="small" aria-hidden />
                </InputAdornment>
              ),
            },
          }}
        />
        <TextField
          select
          size="small"
          label="State"
          value={stateFilter}
          onChange={(e) => setStateFilter(e.target.value)}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="all">All states</MenuItem>
          {states.map((st) => (
            <MenuItem key={st} value={st}>
              {st} ({domains.filter((d) => d.state === st).length})
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
          {shown.length === domains.length ? `${domains.length} VMs` : `${shown.length} of ${domains.length} VMs`}
        </Typography>
      </Box>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="VMs" sx={detailTableSx}>
          <TableHead>
            <TableRow>
              {sortHeader('name', 'Name')}
              {sortHeader('state', 'State')}
              <TableCell>Addresses</TableCell>
              {sortHeader('vcpus', 'vCPUs', 'right')}
              {sortHeader('memory', 'Memory', 'right')}
              <TableCell>Disks</TableCell>
              <TableCell>NICs (attachment, MAC, host device, IP)</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.length === 0 && (
              <TableRow>
                <TableCell colSpan={8}>
                  <Typography variant="body2" color="text.secondary">
                    No VM matches the search and state filter.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
            {drawn.map((d) => (
              <TableRow
                key={d.name}
                hover
                {...(d.name === highlight
                  ? {
                      ref: highlightRow,
                      selected: true,
                      'aria-current': true,
                      tabIndex: -1,
                      sx: { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
                    }
                  : {})}
              >
                <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {d.name}
                    </Typography>
                    <WarningIcon warnings={warningsToFlag(warnings, { kind: 'domain', name: d.name })} />
                  </Box>
                </TableCell>
                <TableCell>
                  <Pill tone={domainTone(d.state)}>{d.state}</Pill>
                </TableCell>
                <TableCell>
                  <VmAddresses domain={d} />
                </TableCell>
                <TableCell align="right">{d.vcpus}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatKiB(d.memoryKiB)}
                </TableCell>
                <TableCell>
                  {d.disks.length === 0 ? (
                    <Typography variant="body2" color="text.disabled">
                      no disks
                    </Typography>
                  ) : (
                    d.disks.map((k, i) => (
                      <Box key={`${k.target ?? i}`} sx={{ fontSize: '0.8rem' }}>
                        <strong>{k.target ?? k.device}</strong> {k.device !== 'disk' ? `${k.device} ` : ''}
                        <Box
                          component="span"
                          sx={{ fontFamily: monoFont, color: 'text.secondary', overflowWrap: 'break-word' }}
                        >
                          <PathText text={k.source?.file ?? k.source?.dev ?? k.source?.volume ?? 'empty'} />
                        </Box>
                      </Box>
                    ))
                  )}
                </TableCell>
                <TableCell>
                  <VmNicList nics={attachments.get(d.name) ?? []} />
                </TableCell>
                <TableCell align="right" sx={{ py: '4px !important' }}>
                  <VmActions
                    domain={d}
                    hostId={hostId}
                    hostName={hostName}
                    busy={busy.has(d.name)}
                    onAction={(a) => onAction(d, a)}
                  />
                </TableCell>
              </TableRow>
            ))}
            {drawn.length < shown.length && (
              <TableRow ref={more}>
                <TableCell colSpan={8}>
                  <Typography variant="body2" color="text.secondary">
                    Showing {drawn.length} of {shown.length} VMs; more appear as you scroll.
                  </Typography>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      {request && <ConfirmActionDialog request={request} onClose={() => setRequest(null)} />}
      {deleting && (
        <DeleteVmDialog
          domain={deleting}
          host={hostName}
          networks={snapshot.libvirt?.networks ?? []}
          run={act.domain}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}

/** A path that may break after each `/` (a word break opportunity), not in the middle of a name. */
function PathText({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}
