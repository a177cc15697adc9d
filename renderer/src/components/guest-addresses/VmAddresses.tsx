import Typography from '@mui/material/Typography';
import { activeStates } from '../../../../shared/snapshot/parse-domstate';
import type { Domain } from '../../../../shared/snapshot/types';
import { AddressList, type ShownAddress } from './AddressList';
import { originOfNicIp } from './origins';

/** A VM's addresses as the host snapshot knows them (leases and the host's ARP table), NIC by NIC. */
export function snapshotAddresses(d: Domain): ShownAddress[] {
  const seen = new Set<string>();
  return d.nics.flatMap((n) =>
    n.ips.flatMap((ip) => {
      const key = `${n.mac ?? ''}|${ip.address}`;
      if (seen.has(key)) return [];
      seen.add(key);
      const a: ShownAddress = { address: ip.address, origin: originOfNicIp(ip) };
      if (ip.prefixLen !== undefined) a.prefixLen = ip.prefixLen;
      if (n.mac) a.mac = n.mac;
      return [a];
    }),
  );
}

/**
 * The Addresses cell: "—" when the VM is not running (a stopped VM's old lease says nothing),
 * "no address yet" when it runs without one, else each address with its origin tag.
 */
export function VmAddresses({ domain, showMac = false }: { domain: Domain; showMac?: boolean }) {
  if (!activeStates.has(domain.state)) {
    return (
      <Typography
        component="span"
        variant="body2"
        color="text.disabled"
        title={`${domain.name} is ${domain.state}: no address`}
      >
        —
      </Typography>
    );
  }
  const addresses = snapshotAddresses(domain);
  if (addresses.length === 0) {
    return (
      <Typography component="span" variant="body2" color="text.secondary">
        no address yet
      </Typography>
    );
  }
  return <AddressList addresses={addresses} label={`Addresses of ${domain.name}`} showMac={showMac} dense />;
}
