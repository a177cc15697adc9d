import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import Dns from '@mui/icons-material/Dns';
import type { ReactNode } from 'react';
import { useLabStore, type Screen } from '../../store';
import { ComposeScreen } from '../compose/ComposeScreen';
import { HostDetailScreen } from '../host-detail/HostDetailScreen';
import { InventoryScreen } from '../inventory/InventoryScreen';
import { OperationsScreen } from '../operations/OperationsScreen';
import { ConnectionBanner } from './ConnectionBanner';
import { ConsoleDock } from '../console/ConsoleDock';
import { MainNav } from './MainNav';
import { ShortcutHints } from './ShortcutHints';
import { ThemeSwitch } from './ThemeSwitch';

const NAV_WIDTH = 88;

const screens: Record<Screen, () => ReactNode> = {
  inventory: () => <InventoryScreen />,
  host: () => <HostDetailScreen />,
  operations: () => <OperationsScreen />,
  compose: () => <ComposeScreen />,
};

/** App bar on top, nav on the left, the current screen filling the rest (screens manage their own scrolling). */
export function AppLayout() {
  const screen = useLabStore((s) => s.screen);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh', overflow: 'hidden' }}>
      <AppBar position="static" elevation={0} color="primary">
        <Toolbar variant="dense" sx={{ gap: 1 }}>
          <Dns fontSize="small" aria-hidden />
          <Typography variant="h6" component="h1" sx={{ flex: 1, fontWeight: 700, letterSpacing: 0.3 }}>
            LabDeck
          </Typography>
          <ShortcutHints />
          <ThemeSwitch />
        </Toolbar>
      </AppBar>
      <ConnectionBanner />
      <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <Drawer
          variant="permanent"
          sx={{
            width: NAV_WIDTH,
            flexShrink: 0,
            '& .MuiDrawer-paper': { width: NAV_WIDTH, position: 'relative', borderRight: 1, borderColor: 'divider' },
          }}
        >
          <MainNav />
        </Drawer>
        <Box component="main" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
          <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>{screens[screen]()}</Box>
          <ConsoleDock />
        </Box>
      </Box>
    </Box>
  );
}
