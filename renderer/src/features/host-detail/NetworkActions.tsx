import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import MoreVert from '@mui/icons-material/MoreVert';
import { useState } from 'react';
import type { LibvirtNetwork } from '../../../../shared/snapshot/types';
import type { NetworkAction } from './useHostAction';
import { useReadOnly } from './read-only';

type Props = {
  network: LibvirtNetwork;
  onAction: (a: NetworkAction) => void;
  onEdit?: () => void;
  onDelete?: () => void;
};

/** One primary action (start or stop); autostart, Edit and Delete in a menu. */
export function NetworkActions({ network: n, onAction, onEdit, onDelete }: Props) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const readOnly = useReadOnly();
  const pick = (a: NetworkAction): void => {
    setAnchor(null);
    onAction(a);
  };
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 0.5 }}>
      <span title={readOnly}>
        <Button
          size="small"
          variant="outlined"
          disabled={!!readOnly}
          aria-label={`${n.active ? 'Stop' : 'Start'} network ${n.name}`}
          onClick={() => onAction(n.active ? 'stop' : 'start')}
        >
          {n.active ? 'Stop' : 'Start'}
        </Button>
      </span>
      <span title={readOnly}>
        <IconButton
          size="small"
          disabled={!!readOnly}
          aria-label={`More actions for network ${n.name}`}
          aria-haspopup="menu"
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <MoreVert fontSize="small" />
        </IconButton>
      </span>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {n.autostart ? (
          <MenuItem onClick={() => pick('autostart-off')}>Turn off autostart</MenuItem>
        ) : (
          <MenuItem onClick={() => pick('autostart-on')}>Turn on autostart</MenuItem>
        )}
        {onEdit && (
          <MenuItem
            onClick={() => {
              setAnchor(null);
              onEdit();
            }}
          >
            Edit network…
          </MenuItem>
        )}
        {onDelete && (
          <MenuItem
            onClick={() => {
              setAnchor(null);
              onDelete();
            }}
          >
            Delete network…
          </MenuItem>
        )}
      </Menu>
    </Box>
  );
}
