import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Typography from '@mui/material/Typography';
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import AddToQueueOutlined from '@mui/icons-material/AddToQueueOutlined';
import { alpha } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useLabStore, type Screen } from '../../store';
import { openComposeWizard } from '../compose/compose-store';

const items: { screen: Screen; label: string; icon: ReactNode }[] = [
  { screen: 'inventory', label: 'Inventory', icon: <DnsOutlined /> },
  { screen: 'operations', label: 'Operations', icon: <ReceiptLongOutlined /> },
  { screen: 'compose', label: 'Compose', icon: <AddToQueueOutlined /> },
];

/** A narrow rail (icon over label): the inventory table needs the width more than the nav does. */
export function MainNav() {
  const screen = useLabStore((s) => s.screen);
  const setScreen = useLabStore((s) => s.setScreen);
  // The wizard reopens where it was left (its pod, step and draft).
  const go = (target: Screen): void => (target === 'compose' ? openComposeWizard() : setScreen(target));
  return (
    <Box
      component="nav"
      aria-label="Main"
      sx={{ display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'center', pt: 1.5 }}
    >
      {items.map((item) => {
        // A host's own screen is part of the inventory.
        const current = screen === item.screen || (screen === 'host' && item.screen === 'inventory');
        return (
          <ButtonBase
            key={item.screen}
            aria-current={current ? 'page' : undefined}
            onClick={() => go(item.screen)}
            sx={{
              flexDirection: 'column',
              gap: 0.25,
              width: 76,
              py: 0.75,
              borderRadius: 2,
              color: current ? 'primary.main' : 'text.secondary',
            }}
          >
            <Box
              sx={(theme) => ({
                display: 'flex',
                px: 2,
                py: 0.25,
                borderRadius: 999,
                backgroundColor: current ? alpha(theme.palette.primary.main, 0.15) : 'transparent',
              })}
            >
              {item.icon}
            </Box>
            <Typography
              variant="caption"
              sx={{ fontWeight: current ? 700 : 500, color: current ? 'text.primary' : 'text.secondary' }}
            >
              {item.label}
            </Typography>
          </ButtonBase>
        );
      })}
    </Box>
  );
}
