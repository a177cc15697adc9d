import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { NetworkDhcp } from '../../../../shared/warnings';
import { Pill } from '../../components/Pill';

/** DHCP as the admin needs it where a network is picked: on or off, who serves it, which range. */
export function DhcpSummary({ dhcp }: { dhcp: NetworkDhcp }) {
  if (!dhcp.libvirt && !dhcp.external) {
    return (
      <Pill tone="neutral" title="libvirt runs no DHCP here, and no mark says an external DHCP server answers">
        no DHCP
      </Pill>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, alignItems: 'flex-start' }}>
      {dhcp.libvirt && (
        <Box>
          <Pill tone={dhcp.external ? 'error' : 'info'}>libvirt DHCP</Pill>
          {dhcp.libvirt.ranges.map((r) => (
            <Typography key={`${r.start}-${r.end}`} variant="body2" sx={{ mt: 0.25 }}>
              {r.start} – {r.end}
            </Typography>
          ))}
          {dhcp.libvirt.hosts.length > 0 && (
            <Typography variant="body2" color="text.secondary">
              {dhcp.libvirt.hosts.length} static {dhcp.libvirt.hosts.length === 1 ? 'host' : 'hosts'}
            </Typography>
          )}
        </Box>
      )}
      {dhcp.external && (
        <Pill tone={dhcp.libvirt ? 'error' : 'info'} title={dhcp.external}>
          external DHCP (marked)
        </Pill>
      )}
    </Box>
  );
}
