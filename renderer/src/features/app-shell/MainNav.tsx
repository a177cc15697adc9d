import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import DnsOutlined from '@mui/icons-material/DnsOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import type { ReactNode } from 'react';
import { useLabStore, type Screen } from '../../store';

const items: { screen: Screen; label: string; icon: ReactNode }[] = [
  { screen: 'inventory', label: 'Inventory', icon: <DnsOutlined /> },
  { screen: 'operations', label: 'Operations', icon: <ReceiptLongOutlined /> },
];

export function MainNav() {
  const screen = useLabStore((s) => s.screen);
  const setScreen = useLabStore((s) => s.setScreen);
  return (
    <List component="nav" aria-label="Main" sx={{ px: 1 }}>
      {items.map((item) => (
        <ListItemButton
          key={item.screen}
          selected={screen === item.screen}
          aria-current={screen === item.screen ? 'page' : undefined}
          onClick={() => setScreen(item.screen)}
          sx={{ borderRadius: 1, mb: 0.5 }}
        >
          <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
          <ListItemText primary={item.label} />
        </ListItemButton>
      ))}
    </List>
  );
}
