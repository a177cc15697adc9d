import Alert from '@mui/material/Alert';
import type { PlanNic } from '../../../../shared/contract';

/**
 * Who hands out addresses where the NIC lands. "None" is a warning, not a footnote: the guest
 * will sit without an address, and a network boot will not even start.
 */
export function DhcpLine({ dhcp }: { dhcp: PlanNic['dhcp'] }) {
  if (!dhcp.available) {
    return (
      <Alert severity="warning" variant="outlined" sx={{ py: 0 }}>
        <strong>No DHCP on this segment.</strong> The guest gets no address unless you configure one inside it, and it
        cannot network-boot. ({dhcp.detail})
      </Alert>
    );
  }
  const who = dhcp.source === 'libvirt' ? "libvirt's own DHCP" : 'an external DHCP server (your mark)';
  return (
    <Alert severity="success" variant="outlined" sx={{ py: 0 }}>
      <strong>DHCP: {who}.</strong> {dhcp.detail}
    </Alert>
  );
}
