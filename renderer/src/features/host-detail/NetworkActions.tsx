import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import MoreVert from '@mui/icons-material/MoreVert';
import { useState } from 'react';
import type { LibvirtNetwork } from '../../../../shared/snapshot/types';
import type { NetworkAction } from './useHostAction';

/** One primary action (start or stop) and the autostart switch in a menu. */
export function NetworkActions({ network: n, onAction }: { network: LibvirtNetwork; onAction: (a: NetworkAction) => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const pick = (a: NetworkAction): void => {
    setAnchor(null);
    onAction(a);
  };
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 0.5 }}>
      <Button size="small" variant="outlined" aria-label={`${n.active ? 'Stop' : 'Start'} network ${n.name}`} onClick={() => onAction(n.active ? 'stop' : 'start')}>
        {n.active ? 'Stop' : 'Start'}
      </Button>
      <IconButton size="small" aria-label={`More actions for network ${n.name}`} aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)}>
        <MoreVert fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {n.autostart ? (
          <MenuItem onClick={() => pick('autostart-off')}>Turn off autostart</MenuItem>
        ) : (
          <MenuItem onClick={() => pick('autostart-on')}>Turn on autostart</MenuItem>
        )}
      </Menu>
    </Box>
  );
}
