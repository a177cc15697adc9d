import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import type { HostDetailTab } from '../../store';

const titles: Record<HostDetailTab, string> = {
  overview: 'Overview',
  topology: 'Topology',
  interfaces: 'Interfaces',
  networks: 'Networks',
  storage: 'Storage',
  vms: 'VMs',
  marks: 'Marks',
};

export const tabId = (t: HostDetailTab): string => `host-tab-${t}`;
export const panelId = (t: HostDetailTab): string => `host-panel-${t}`;

function counts(s: HostSnapshot | null): Partial<Record<HostDetailTab, number>> {
  if (!s) return {};
  const lv = s.libvirt && !s.libvirt.error ? s.libvirt : null;
  return {
    interfaces: s.interfaces.length,
    ...(lv ? { networks: lv.networks.length, storage: lv.pools.length, vms: lv.domains.length } : {}),
  };
}

/** Tab names stay the accessible names ("Interfaces"); counts are extra text beside them. */
export function HostDetailTabs({
  tab,
  onChange,
  snapshot,
}: {
  tab: HostDetailTab;
  onChange: (t: HostDetailTab) => void;
  snapshot: HostSnapshot | null;
}) {
  const n = counts(snapshot);
  return (
    <Tabs
      value={tab}
      onChange={(_e, v: HostDetailTab) => onChange(v)}
      aria-label="Host sections"
      variant="scrollable"
      scrollButtons="auto"
    >
      {(Object.keys(titles) as HostDetailTab[]).map((t) => (
        <Tab
          key={t}
          value={t}
          id={tabId(t)}
          aria-controls={panelId(t)}
          label={
            <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
              {titles[t]}
              {n[t] !== undefined && (
                <Box
                  component="span"
                  sx={{ px: 0.75, borderRadius: 999, bgcolor: 'action.selected', fontSize: '0.75rem', lineHeight: 1.5 }}
                >
                  {n[t]}
                </Box>
              )}
            </Box>
          }
        />
      ))}
    </Tabs>
  );
}
