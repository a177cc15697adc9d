import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { DhcpHost, HostSnapshot, LibvirtNetwork } from '../../../../shared/snapshot/types';
import { monoFont } from '../../components/fonts';

const mono = { fontFamily: monoFont, fontSize: '0.8rem' };

type Props = { network: LibvirtNetwork; snapshot: HostSnapshot; onRemoveReservation: (h: DhcpHost) => void };

/** Static hosts and current leases of one network, each matched to a VM by MAC where one fits. */
export function NetworkDetails({ network: n, snapshot, onRemoveReservation }: Props) {
  const readOnly = snapshot.libvirt?.readOnly?.reason;
  const vmByMac = new Map<string, string>();
  for (const d of snapshot.libvirt?.domains ?? [])
    for (const nic of d.nics) if (nic.mac) vmByMac.set(nic.mac.toLowerCase(), d.name);
  const hosts = n.ips.flatMap((ip) => ip.dhcp?.hosts ?? []);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1.4fr' }, gap: 3, py: 1 }}>
      <Box>
        <Typography variant="subtitle2" component="h4">
          Static DHCP hosts ({hosts.length})
        </Typography>
        {hosts.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            None.
          </Typography>
        ) : (
          <Table size="small" aria-label={`Static DHCP hosts of ${n.name}`}>
            <TableHead>
              <TableRow>
                <TableCell>MAC</TableCell>
                <TableCell>Name</TableCell>
                <TableCell>IP</TableCell>
                <TableCell align="right">Actions</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {hosts.map((h) => (
                <TableRow key={`${h.mac ?? h.name ?? ''}-${h.ip}`}>
                  <TableCell sx={mono}>{h.mac ?? '—'}</TableCell>
                  <TableCell>{h.name ?? '—'}</TableCell>
                  <TableCell sx={mono}>{h.ip}</TableCell>
                  <TableCell align="right" sx={{ py: '2px !important' }}>
                    <span title={readOnly}>
                      <Button
                        size="small"
                        color="error"
                        disabled={!!readOnly}
                        aria-label={`Remove reservation ${h.ip}${h.mac ? ` (${h.mac})` : ''}`}
                        onClick={() => onRemoveReservation(h)}
                      >
                        Remove reservation
                      </Button>
                    </span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      <Box>
        <Typography variant="subtitle2" component="h4">
          Current leases ({n.leases.length})
        </Typography>
        {n.leases.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {n.ips.some((ip) => ip.dhcp)
              ? 'No leases handed out right now.'
              : 'libvirt runs no DHCP here, so it hands out no leases.'}
          </Typography>
        ) : (
          <Table size="small" aria-label={`Leases of ${n.name}`}>
            <TableHead>
              <TableRow>
                <TableCell>IP</TableCell>
                <TableCell>MAC</TableCell>
                <TableCell>VM</TableCell>
                <TableCell>Hostname</TableCell>
                <TableCell>Expires</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {n.leases.map((l) => (
                <TableRow key={`${l.mac}-${l.ip}`}>
                  <TableCell sx={mono}>
                    {l.ip}
                    {l.prefixLen !== undefined ? `/${l.prefixLen}` : ''}
                  </TableCell>
                  <TableCell sx={mono}>{l.mac}</TableCell>
                  <TableCell>{vmByMac.get(l.mac.toLowerCase()) ?? '—'}</TableCell>
                  <TableCell>{l.hostname ?? '—'}</TableCell>
                  <TableCell>{l.expiry}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Box>
  );
}
