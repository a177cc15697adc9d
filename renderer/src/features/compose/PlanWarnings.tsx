import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import type { ComposePlan } from '../../../../shared/contract';

const titles: Record<ComposePlan['warnings'][number]['code'], string> = {
  'macvtap-host-isolation': 'The host cannot reach this guest',
  'vepa-needs-switch': 'vepa needs a VEPA-capable switch',
  'passthrough-parent-in-use': 'Passthrough parent already taken',
  'interface-down': 'Interface down',
  'network-inactive': 'Network not active',
  'no-dhcp': 'No NIC has DHCP',
  'ip-not-reservable': 'Address cannot be reserved',
  'ip-in-use': 'Address in use',
  'mode-ignored': 'macvtap mode ignored',
};

/**
 * The engine's no-dhcp warning repeats each NIC's DHCP detail, which every NIC card already shows;
 * keep only what it adds: that no NIC at all has DHCP, and what to do.
 */
const NO_DHCP_ANYWHERE =
  "None of this VM's NICs lands where DHCP answers, so it will not get an address by DHCP or boot from the network. Mark the bridge or subnet an external DHCP server answers on (host screen → Marks), or attach to a libvirt network with DHCP.";

const messageOf = (w: ComposePlan['warnings'][number]): string => (w.code === 'no-dhcp' ? NO_DHCP_ANYWHERE : w.message);

/** Things that will bite after compose, each with a plain title so it is read, not skimmed. */
export function PlanWarnings({ warnings }: { warnings: ComposePlan['warnings'] }) {
  if (warnings.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.75 }}>
      {warnings.map((w, i) => (
        <Alert
          key={`${w.code}-${i}`}
          severity={w.code === 'passthrough-parent-in-use' ? 'error' : 'warning'}
          sx={{ py: 0 }}
        >
          <strong>{titles[w.code]}:</strong> {messageOf(w)}
        </Alert>
      ))}
    </Box>
  );
}
