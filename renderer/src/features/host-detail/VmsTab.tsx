import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Search from '@mui/icons-material/Search';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { errorShapeOf } from '../../api';
import { useLabStore } from '../../store';
import type { Domain, HostSnapshot } from '../../../../shared/snapshot/types';
import type { HostWarning } from '../../../../shared/warnings';
import { domainRequest } from './action-requests';
import { ConfirmActionDialog, type ActionRequest } from './ConfirmActionDialog';
import { DeleteVmDialog } from './DeleteVmDialog';
import { useHostAction, type DomainAction } from './useHostAction';
import { filterVms, indexVms, sortVms, type VmSort, type VmSortKey } from './vm-list';
import type { VmRowShared } from './VmRow';
import { VmTable } from './VmTable';

type Props = { hostId: string; hostName: string; snapshot: HostSnapshot; warnings: HostWarning[] };

/** Start and Resume change nothing that cannot be undone: they run at once, without a question. */
const unconfirmed = new Set<DomainAction>(['start', 'resume']);

/**
 * Every VM with its state, size, disks and NICs; search, state filter and sort; power and delete
 * actions (destructive ones confirmed). What is worked out over all VMs (search text, sort order,
 * state counts) is worked out once per snapshot or per sort, not per render, and what is per VM
 * (NIC attachments, warnings) only for the rows drawn, so a host with thousands of VMs stays quick
 * to open, type and sort in.
 */
export function VmsTab({ hostId, hostName, snapshot, warnings }: Props) {
  const act = useHostAction(hostId);
  const notify = useLabStore((s) => s.notify);
  const [request, setRequest] = useState<ActionRequest | null>(null);
  const [deleting, setDeleting] = useState<Domain | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState('');
  // The field answers each keystroke at once; the table follows when React has time.
  const deferredQuery = useDeferredValue(query);
  const [stateFilter, setStateFilter] = useState('all');
  const [sort, setSort] = useState<VmSort>({ key: 'name', dir: 'asc' });
  const domains = useMemo(() => snapshot.libvirt?.domains ?? [], [snapshot]);
  const networks = useMemo(() => snapshot.libvirt?.networks ?? [], [snapshot]);
  const index = useMemo(() => indexVms(domains), [domains]);
  // The search text of every VM, built when the browser is idle after the table is drawn: neither
  // the first paint nor the first keystroke waits for it.
  useEffect(() => {
    if (typeof requestIdleCallback === 'undefined') return;
    const id = requestIdleCallback(() => index.text());
    return () => cancelIdleCallback(id);
  }, [index]);
  const order = useMemo(() => sortVms(index, sort), [index, sort]);
  const shown = useMemo(
    () => filterVms(index, order, deferredQuery, stateFilter),
    [index, order, deferredQuery, stateFilter],
  );
  const highlight = useLabStore((s) => s.highlightVm);
  const onSort = useCallback(
    (key: VmSortKey) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' })),
    [],
  );

  const runNow = useCallback(
    async (d: Domain, a: DomainAction): Promise<void> => {
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
    },
    [hostName, act.domain, notify],
  );
  const onAction = useCallback(
    (d: Domain, a: DomainAction): void => {
      if (a === 'delete') setDeleting(d);
      else if (unconfirmed.has(a)) void runNow(d, a);
      else setRequest(domainRequest(d, a, hostName, act.domain));
    },
    [runNow, hostName, act.domain],
  );
  const shared = useMemo<VmRowShared>(
    () => ({ hostId, hostName, warnings, networks, onAction }),
    [hostId, hostName, warnings, networks, onAction],
  );
  if (domains.length === 0) return <Typography color="text.secondary">This host has no VMs.</Typography>;

  return (
    // Fills the tab: the table scrolls under its own header, the search stays in view.
    <Box sx={{ height: '100%', minHeight: 360, display: 'flex', flexDirection: 'column' }}>
      <Box
        role="search"
        aria-label="Filter VMs"
        sx={{ display: 'flex', gap: 1.5, alignItems: 'center', mb: 1.5, flexWrap: 'wrap', flexShrink: 0 }}
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
          {index.states.map(({ state, count }) => (
            <MenuItem key={state} value={state}>
              {state} ({count})
            </MenuItem>
          ))}
        </TextField>
        <Typography variant="body2" color="text.secondary" role="status" aria-live="polite">
          {shown.length === domains.length ? `${domains.length} VMs` : `${shown.length} of ${domains.length} VMs`}
        </Typography>
      </Box>
      <VmTable
        shown={shown}
        total={domains.length}
        sort={sort}
        onSort={onSort}
        shared={shared}
        busy={busy}
        highlight={highlight}
      />
      {request && <ConfirmActionDialog request={request} onClose={() => setRequest(null)} />}
      {deleting && (
        <DeleteVmDialog
          domain={deleting}
          host={hostName}
          networks={networks}
          run={act.domain}
          onClose={() => setDeleting(null)}
        />
      )}
    </Box>
  );
}
