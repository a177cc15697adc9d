import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import ComputerOutlined from '@mui/icons-material/ComputerOutlined';
import LanOutlined from '@mui/icons-material/LanOutlined';
import SettingsEthernet from '@mui/icons-material/SettingsEthernet';
import StorageOutlined from '@mui/icons-material/StorageOutlined';
import type { ReactNode } from 'react';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { downReason } from '../../../../shared/warnings';
import type { HostDetailTab } from '../../store';

type Card = {
  tab: HostDetailTab;
  title: string;
  icon: ReactNode;
  up: number;
  down: number;
  upWord: string;
  downWord: string;
};

function cardsOf(s: HostSnapshot): Card[] {
  const lv = s.libvirt && !s.libvirt.error ? s.libvirt : null;
  // The very list the Interfaces tab shows (VM taps and lo included), so the two counts agree.
  const nics = s.interfaces;
  const nicsUp = nics.filter((i) => downReason(i) === null).length;
  const cards: Card[] = [];
  if (lv) {
    const running = lv.domains.filter((d) => d.state === 'running' || d.state === 'idle').length;
    const netUp = lv.networks.filter((n) => n.active).length;
    const poolsUp = lv.pools.filter((p) => p.active).length;
    cards.push(
      {
        tab: 'vms',
        title: 'VMs',
        icon: <ComputerOutlined />,
        up: running,
        down: lv.domains.length - running,
        upWord: 'running',
        downWord: 'not running',
      },
      {
        tab: 'networks',
        title: 'Networks',
        icon: <LanOutlined />,
        up: netUp,
        down: lv.networks.length - netUp,
        upWord: 'active',
        downWord: 'stopped',
      },
      {
        tab: 'storage',
        title: 'Storage pools',
        icon: <StorageOutlined />,
        up: poolsUp,
        down: lv.pools.length - poolsUp,
        upWord: 'active',
        downWord: 'inactive',
      },
    );
  }
  cards.push({
    tab: 'interfaces',
    title: 'Host interfaces',
    icon: <SettingsEthernet />,
    up: nicsUp,
    down: nics.length - nicsUp,
    upWord: 'up',
    downWord: 'down',
  });
  return cards;
}

/** Cockpit's good idea: counts up and down at a glance, each card a way into its tab. */
export function SummaryCards({ snapshot, onOpen }: { snapshot: HostSnapshot; onOpen: (t: HostDetailTab) => void }) {
  return (
    <Box
      component="ul"
      aria-label="Summary"
      sx={{
        m: 0,
        p: 0,
        listStyle: 'none',
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
        gap: 2,
      }}
    >
      {cardsOf(snapshot).map((c) => (
        <Paper component="li" key={c.tab} variant="outlined" sx={{ overflow: 'hidden' }}>
          <ButtonBase
            onClick={() => onOpen(c.tab)}
            aria-label={`${c.title}: ${c.up} ${c.upWord}, ${c.down} ${c.downWord}`}
            sx={{
              width: '100%',
              p: 2,
              display: 'flex',
              alignItems: 'center',
              gap: 1.5,
              justifyContent: 'flex-start',
              textAlign: 'left',
            }}
          >
            <Box sx={{ color: 'primary.main', display: 'flex' }} aria-hidden>
              {c.icon}
            </Box>
            <Box sx={{ flex: 1 }}>
              <Typography variant="body2" color="text.secondary">
                {c.title}
              </Typography>
              <Typography variant="h6" component="p">
                {c.up + c.down}
              </Typography>
            </Box>
            <Box sx={{ textAlign: 'right' }}>
              <Typography variant="body2" sx={{ color: 'success.main', fontWeight: 600 }}>
                {c.up} {c.upWord}
              </Typography>
              <Typography variant="body2" sx={{ color: c.down > 0 ? 'text.primary' : 'text.disabled' }}>
                {c.down} {c.downWord}
              </Typography>
            </Box>
          </ButtonBase>
        </Paper>
      ))}
    </Box>
  );
}
