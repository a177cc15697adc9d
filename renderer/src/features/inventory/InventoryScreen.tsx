import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { HostView } from '../../../../shared/contract';
import { selectHostCount, selectSelectedHost, selectVisibleHosts, useLabStore } from '../../store';
import { EmptyInventory } from './EmptyInventory';
import { HostDetailPanel } from './HostDetailPanel';
import { HostTable } from './HostTable';
import { HostTableSkeleton } from './HostTableSkeleton';
import { InventoryFilters } from './InventoryFilters';
import { InventoryHeader } from './InventoryHeader';
import { RemoveHostDialog } from './RemoveHostDialog';
import { useHostCommands } from './useHostCommands';

function NoMatches() {
  const setSearch = useLabStore((s) => s.setSearch);
  const setStatusFilter = useLabStore((s) => s.setStatusFilter);
  return (
    <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
      <Typography variant="body1">No hosts match the search or status filter.</Typography>
      <Button
        sx={{ mt: 1 }}
        onClick={() => {
          setSearch('');
          setStatusFilter('all');
        }}
      >
        Clear filters
      </Button>
    </Paper>
  );
}

export function InventoryScreen() {
  const loaded = useLabStore((s) => s.hostsLoaded);
  const total = useLabStore(selectHostCount);
  const hosts = useLabStore(useShallow(selectVisibleHosts));
  const selected = useLabStore(selectSelectedHost);
  const selectHost = useLabStore((s) => s.selectHost);
  const openHostDialog = useLabStore((s) => s.openHostDialog);
  const { refresh, refreshAll, remove } = useHostCommands();
  const [removeTarget, setRemoveTarget] = useState<HostView | null>(null);

  const onOpen = useCallback((h: HostView) => selectHost(h.id), [selectHost]);
  const onRefresh = useCallback((h: HostView) => void refresh(h.id, h.name), [refresh]);
  const onEdit = useCallback((h: HostView) => openHostDialog({ mode: 'edit', hostId: h.id }), [openHostDialog]);

  const empty = loaded && total === 0;
  let body;
  if (!loaded) body = <HostTableSkeleton />;
  else if (empty) body = <EmptyInventory />;
  else if (hosts.length === 0) body = <NoMatches />;
  else
    body = (
      <HostTable
        hosts={hosts}
        selectedId={selected?.id ?? null}
        onOpen={onOpen}
        onRefresh={onRefresh}
        onEdit={onEdit}
        onRemove={setRemoveTarget}
      />
    );

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: 2, px: 2.5, py: 2 }}>
      <InventoryHeader showActions={!empty} onRefreshAll={() => void refreshAll()} />
      {!empty && <InventoryFilters />}
      <Box sx={{ flex: 1, minHeight: 0, display: 'flex', gap: 2 }}>
        <Box sx={{ flex: 1, minWidth: 0, minHeight: 0 }}>{body}</Box>
        {selected && (
          <HostDetailPanel host={selected} onClose={() => selectHost(null)} onRefresh={onRefresh} onEdit={onEdit} />
        )}
      </Box>
      <RemoveHostDialog
        host={removeTarget}
        onCancel={() => setRemoveTarget(null)}
        onConfirm={async (h) => {
          await remove(h.id, h.name);
          setRemoveTarget(null);
        }}
      />
    </Box>
  );
}
