import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { HostView } from '../../../../shared/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { fullTime } from '../../format/time-format';
import { useHostRefresh } from '../../hooks/useHostRefresh';
import { selectHostById, useLabStore, type HostDetailTab } from '../../store';
import { useFeatureSlots } from '../../components/feature-slots';
import { HostDetailHeader } from './HostDetailHeader';
import { HostDetailTabs, panelId, tabId } from './HostDetailTabs';
import { InterfacesTab } from './InterfacesTab';
import { MarksTab } from './MarksTab';
import { NoLibvirt } from './NoLibvirt';
import { NetworksTab } from './NetworksTab';
import { OverviewTab } from './OverviewTab';
import { StorageTab } from './StorageTab';
import { TabSkeleton } from './TabSkeleton';
import { useHostDetailData } from './useHostDetailData';
import { VmsTab } from './VmsTab';
import { hostReadOnlyReason } from '../../../../shared/snapshot/read-only';
import { ReadOnlyContext, ReadOnlyNotice } from './read-only';

function HostGone({ onBack }: { onBack: () => void }) {
  return (
    <Box sx={{ p: 4 }}>
      <Alert severity="info" action={<Button onClick={onBack}>Back to inventory</Button>}>
        This host is no longer in the inventory.
      </Alert>
    </Box>
  );
}

/** Why the picture may be old: the last refresh failed, or the host has never answered. */
function Staleness({ host, takenAt }: { host: HostView; takenAt: string | undefined }) {
  if (host.status === 'online' || !host.lastError) return null;
  const title = takenAt
    ? `Showing the snapshot of ${fullTime(takenAt)}: the last refresh failed`
    : `LabDeck could not read ${host.name}`;
  return <ErrorDetails error={host.lastError} title={title} />;
}

function HostDetail({ host }: { host: HostView }) {
  const tab = useLabStore((s) => s.detailTab);
  const setTab = useLabStore((s) => s.setDetailTab);
  const setScreen = useLabStore((s) => s.setScreen);
  const { snapshot, marks, warnings, loading, error } = useHostDetailData(host.id);
  const { TopologyView } = useFeatureSlots();
  const refresh = useHostRefresh();
  const readOnly = hostReadOnlyReason(host.libvirtUri, snapshot);

  let body: ReactNode;
  if (snapshot) {
    const libvirtOk = !!snapshot.libvirt && !snapshot.libvirt.error;
    const panels: Record<HostDetailTab, () => ReactNode> = {
      overview: () => <OverviewTab snapshot={snapshot} warnings={warnings} onOpen={setTab} />,
      topology: () => <TopologyView snapshot={snapshot} marks={marks} warnings={warnings} hostName={host.name} />,
      interfaces: () => <InterfacesTab snapshot={snapshot} warnings={warnings} />,
      networks: () =>
        libvirtOk ? (
          <NetworksTab hostId={host.id} snapshot={snapshot} marks={marks} warnings={warnings} />
        ) : (
          <NoLibvirt snapshot={snapshot} />
        ),
      storage: () => (libvirtOk ? <StorageTab snapshot={snapshot} /> : <NoLibvirt snapshot={snapshot} />),
      vms: () =>
        libvirtOk ? (
          <VmsTab hostId={host.id} hostName={host.name} snapshot={snapshot} warnings={warnings} />
        ) : (
          <NoLibvirt snapshot={snapshot} />
        ),
      marks: () => <MarksTab hostId={host.id} hostName={host.name} snapshot={snapshot} marks={marks} />,
    };
    body = panels[tab]();
  } else if (loading || host.refreshing) body = <TabSkeleton />;
  else if (error) body = <ErrorDetails error={error} title={`Could not load the snapshot of ${host.name}`} />;
  else
    body = (
      <Typography color="text.secondary">No snapshot yet: LabDeck has not reached {host.name}. Try Refresh.</Typography>
    );

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
      <Box sx={{ px: 2.5, pt: 1.5, display: 'flex', flexDirection: 'column', gap: 1 }}>
        <HostDetailHeader
          host={host}
          snapshot={snapshot}
          onBack={() => setScreen('inventory')}
          onRefresh={() => void refresh(host.id, host.name)}
        />
        <Staleness host={host} takenAt={snapshot?.takenAt} />
        {readOnly && <ReadOnlyNotice reason={readOnly} />}
        <HostDetailTabs tab={tab} onChange={setTab} snapshot={snapshot} />
      </Box>
      <Divider />
      <Box
        role="tabpanel"
        id={panelId(tab)}
        aria-labelledby={tabId(tab)}
        data-testid="host-detail-panel"
        sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 2.5, py: 2 }}
      >
        <ReadOnlyContext.Provider value={readOnly}>{body}</ReadOnlyContext.Provider>
      </Box>
    </Box>
  );
}

/** One host in depth: facts, topology, interfaces, networks, storage, VMs and marks. */
export function HostDetailScreen() {
  const id = useLabStore((s) => s.detailHostId);
  const host = useLabStore(selectHostById(id));
  const setScreen = useLabStore((s) => s.setScreen);
  // Opened from an address (a reload): the host is only known once the inventory has been read.
  const hostsLoaded = useLabStore((s) => s.hostsLoaded);
  if (!host)
    return hostsLoaded ? (
      <HostGone onBack={() => setScreen('inventory')} />
    ) : (
      <Box sx={{ p: 2.5 }}>
        <TabSkeleton />
      </Box>
    );
  // Keyed by host: switching hosts starts each one's screen afresh.
  return <HostDetail key={host.id} host={host} />;
}
