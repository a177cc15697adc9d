import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import type { DhcpDraft } from './network-draft';
import { SwitchField } from './SwitchField';

/** DHCP on or off and, when on, the range libvirt hands addresses out of. */
export function DhcpRangeFields({ draft, set }: { draft: DhcpDraft; set: (p: Partial<DhcpDraft>) => void }) {
  return (
    <>
      <SwitchField
        label="DHCP (libvirt hands out addresses)"
        checked={draft.dhcpOn}
        onChange={(dhcpOn) => set({ dhcpOn })}
      />
      {draft.dhcpOn && (
        <Box sx={{ display: 'flex', gap: 1 }}>
          <TextField
            size="small"
            label="DHCP range start"
            value={draft.dhcpStart}
            onChange={(e) => set({ dhcpStart: e.target.value })}
            fullWidth
          />
          <TextField
            size="small"
            label="DHCP range end"
            value={draft.dhcpEnd}
            onChange={(e) => set({ dhcpEnd: e.target.value })}
            fullWidth
          />
        </Box>
      )}
    </>
  );
}
