import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import MoreVert from '@mui/icons-material/MoreVert';
import { useState } from 'react';
import { AnsibleExportDialog } from '../../components/ansible-export/AnsibleExportDialog';
import type { Domain } from '../../../../shared/snapshot/types';
import { isDomainUp } from '../../../../shared/warnings';
import type { DomainAction } from './useHostAction';
import { useFeatureSlots } from '../../components/feature-slots';
import { useReadOnly } from './read-only';

/** The one action that fits the VM's state as a button; the rest in a menu, the destructive ones last. */
export function VmActions({
  domain: d,
  onAction,
  hostId,
  hostName,
  busy = false,
}: {
  domain: Domain;
  onAction: (a: DomainAction) => void;
  hostId?: string;
  hostName?: string;
  /** An unconfirmed action (Start, Resume) is running for this VM. */
  busy?: boolean;
}) {
  const { openConsole } = useFeatureSlots();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  // A read-only host (test driver, read-only URI): lifecycle actions off, with the reason as their title.
  const readOnly = useReadOnly();
  const ro = { disabled: !!readOnly, title: readOnly };
  const [exporting, setExporting] = useState(false);
  const up = isDomainUp(d);
  const paused = d.state === 'paused';
  // The one action that fits: a paused VM resumes, a running one shuts down, a stopped one starts.
  const main: { action: DomainAction; label: string } = paused
    ? { action: 'resume', label: 'Resume' }
    : up
      ? { action: 'shutdown', label: 'Shut down' }
      : { action: 'start', label: 'Start' };
  const pick = (a: DomainAction): void => {
    setAnchor(null);
    onAction(a);
  };
  return (
    <Box sx={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: 0.5 }}>
      <span title={readOnly}>
        <Button
          size="small"
          variant="outlined"
          disabled={busy || !!readOnly}
          aria-label={`${main.label} ${d.name}`}
          onClick={() => onAction(main.action)}
          sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        >
          {main.label}
        </Button>
      </span>
      <IconButton
        size="small"
        aria-label={`More actions for ${d.name}`}
        aria-haspopup="menu"
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        <MoreVert fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {!up && (
          <MenuItem {...ro} onClick={() => pick('start')}>
            Start
          </MenuItem>
        )}
        {paused && (
          <MenuItem {...ro} onClick={() => pick('resume')}>
            Resume
          </MenuItem>
        )}
        {up && hostId && (
          <MenuItem
            onClick={() => {
              setAnchor(null);
              openConsole({ kind: 'console.serial', hostId, hostName: hostName ?? '', domain: d.name });
            }}
          >
            Serial console
          </MenuItem>
        )}
        {up && hostId && (
          <MenuItem
            onClick={() => {
              setAnchor(null);
              openConsole({ kind: 'console.vnc', hostId, hostName: hostName ?? '', domain: d.name });
            }}
          >
            Screen (VNC)
          </MenuItem>
        )}
        {up && (
          <MenuItem {...ro} onClick={() => pick('reboot')}>
            Reboot
          </MenuItem>
        )}
        {up && (
          <MenuItem {...ro} onClick={() => pick('shutdown')}>
            Shut down
          </MenuItem>
        )}
        {up && (
          <MenuItem {...ro} onClick={() => pick('destroy')} sx={{ color: 'error.main' }}>
            Force off
          </MenuItem>
        )}
        {hostId && (
          <MenuItem
            onClick={() => {
              setAnchor(null);
              setExporting(true);
            }}
          >
            Export to Ansible…
          </MenuItem>
        )}
        <Divider />
        <MenuItem {...ro} onClick={() => pick('delete')} sx={{ color: 'error.main' }}>
          Delete…
        </MenuItem>
      </Menu>
      {hostId && (
        <AnsibleExportDialog
          open={exporting}
          onClose={() => setExporting(false)}
          request={{ hostId, vms: [d.name] }}
          what={d.name}
        />
      )}
    </Box>
  );
}
