import type { LibvirtNetwork } from '../../snapshot/types';
import { formatIp, networkBounds, networkContains, parseCidr, parseIp } from '../net/ip';
import type { InterfaceFacts } from './facts';
import type { PlanFailure, PlannedNic, PlannerSnapshot, PlanWarning } from './types';

/** The ip= values (canonical text) that fall inside a subnet of the chosen interface. */
export function requestedIpsOn(values: readonly string[], f: InterfaceFacts): string[] {
  const out: string[] = [];
  for (const v of values) {
    const ip = parseIp(v.trim());
    if (ip && f.subnets.some((s) => networkContains(s.net, ip))) {
      const text = formatIp(ip);
      if (!out.includes(text)) out.push(text);
    }
  }
  return out;
}

function dhcpIpFor(network: LibvirtNetwork, ipText: string) {
  const ip = parseIp(ipText);
  if (!ip) return undefined;
  return network.ips.find((n) => {
    const net = parseCidr(`${n.address}/${n.prefixLen}`);
    return net !== null && networkContains(net, ip);
  });
}

/**
 * Checks every requested address and decides which ones libvirt can hand out by MAC
 * (a <host> entry in a libvirt network's IPv4 <dhcp>). Mutates `nics[*].reservation`.
 */
export function settleRequestedIps(
  nics: PlannedNic[],
  facts: readonly InterfaceFacts[],
  snapshot: PlannerSnapshot,
  ownMacs: readonly string[] = [],
): { failures: PlanFailure[]; warnings: PlanWarning[] } {
  const failures: PlanFailure[] = [];
  const warnings: PlanWarning[] = [];
  const askedBy = new Map<string, string>();
  const networks = snapshot.libvirt?.networks ?? [];
  const domains = snapshot.libvirt?.domains ?? [];
  const own = new Set(ownMacs.map((m) => m.toLowerCase()));
  /** Who holds an address, for the message: the VM with that MAC when there is one. */
  const holder = (mac: string | undefined, name: string | undefined): string => {
    const vm = mac ? domains.find((d) => d.nics.some((n) => n.mac?.toLowerCase() === mac.toLowerCase())) : undefined;
    if (vm) return `VM '${vm.name}' (${mac})`;
    return mac ?? (name ? `host '${name}'` : 'another host');
  };

  for (const nic of nics) {
    for (const ipText of nic.requestedIps) {
      const ip = parseIp(ipText);
      if (!ip) continue;
      const other = askedBy.get(ipText);
      if (other !== undefined) {
        failures.push({
          label: nic.label,
          message: `${ipText} is asked for by both ${other} and ${nic.label} — give each NIC its own address.`,
          details: [],
        });
        continue;
      }
      askedBy.set(ipText, nic.label);
      const owner = facts.find((f) => f.hostAddresses.some((h) => h.family === ip.family && h.value === ip.value));
      if (owner) {
        failures.push({
          label: nic.label,
          message: `${ipText} is the host's own address on ${owner.iface.name} — choose another address for ${nic.label}.`,
          details: [],
        });
        continue;
      }
      const hostFacts = facts.find((f) => f.iface.name === nic.hostInterface);
      const subnet = hostFacts?.subnets.find((s) => networkContains(s.net, ip));
      if (subnet && ip.family === 4 && subnet.net.prefix <= 30) {
        const { first, last } = networkBounds(subnet.net);
        if (ip.value === first || ip.value === last) {
          failures.push({
            label: nic.label,
            message: `${ipText} is the ${ip.value === first ? 'network' : 'broadcast'} address of ${subnet.cidr} — choose an address inside it.`,
            details: [],
          });
          continue;
        }
      }
      // Already taken elsewhere?
      for (const d of domains) {
        for (const n of d.nics) {
          if (n.ips.some((x) => parseIp(x.address)?.value === ip.value && parseIp(x.address)?.family === ip.family)) {
            warnings.push({
              code: 'ip-in-use',
              label: nic.label,
              message: `${ipText} is in use by VM '${d.name}' (${n.mac ?? 'unknown MAC'}).`,
            });
          }
        }
      }
      const network =
        nic.attach.type === 'network'
          ? networks.find((n) => n.name === (nic.attach as { network: string }).network)
          : undefined;
      // Reserved or leased to someone else: net-update would refuse (or two guests would fight over
      // it), so it is refused here, before anything changes, naming who holds it. This VM's own MACs
      // (a reviewed plan re-planned) are no clash.
      let held: string | undefined;
      for (const n of networks) {
        for (const netIp of n.ips) {
          const hostEntry = netIp.dhcp?.hosts.find((h) => h.ip === ipText && !(h.mac && own.has(h.mac.toLowerCase())));
          if (hostEntry && !held)
            held = `${ipText} is already reserved in network '${n.name}' for ${holder(hostEntry.mac, hostEntry.name)}`;
        }
        const lease = n.leases.find((l) => l.ip === ipText && !own.has(l.mac.toLowerCase()));
        if (lease) {
          const vm = domains.find((d) => d.nics.some((x) => x.mac?.toLowerCase() === lease.mac.toLowerCase()));
          const who = `${holder(lease.mac, undefined)}${lease.hostname ? ` (hostname ${lease.hostname})` : ''}`;
          // A lease of a MAC no VM here has may be stale (a deleted VM's, until it expires): said, not refused.
          if (vm && !held) held = `${ipText} is leased in network '${n.name}' to ${who}`;
          else if (!vm)
            warnings.push({
              code: 'ip-in-use',
              label: nic.label,
              message: `${ipText} is currently leased in network '${n.name}' to ${who}, which is no VM on this host (a stale lease of a deleted VM, or a guest elsewhere).`,
            });
        }
      }
      if (held) {
        failures.push({
          label: nic.label,
          message: `${held} — choose another address for ${nic.ifname || nic.label}, or free it first (delete that VM, or remove the reservation under Networks → Edit network).`,
          details: [],
        });
        continue;
      }
      const dhcpIp = network ? dhcpIpFor(network, ipText) : undefined;
      if (network && dhcpIp?.dhcp && ip.family === 4) {
        if (nic.reservation === null) {
          nic.reservation = { network: network.name, ip: ipText };
        } else {
          warnings.push({
            code: 'ip-not-reservable',
            label: nic.label,
            message: `libvirt reserves one IPv4 address per MAC: ${nic.label} gets ${nic.reservation.ip} by DHCP; configure ${ipText} inside the guest.`,
          });
        }
      } else if (network && dhcpIp?.dhcp && ip.family === 6) {
        warnings.push({
          code: 'ip-not-reservable',
          label: nic.label,
          message: `libvirt cannot reserve an IPv6 address by MAC, so ${ipText} for ${nic.label} must be configured inside the guest.`,
        });
      } else {
        const where = network
          ? `network '${network.name}' has no libvirt DHCP on that subnet`
          : `${nic.hostInterface ?? 'the interface'} is not a libvirt network with DHCP`;
        warnings.push({
          code: 'ip-not-reservable',
          label: nic.label,
          message: `LabDeck cannot reserve ${ipText} for ${nic.label}: ${where}. Configure the address inside the guest, or reserve it on the DHCP server that answers there.`,
        });
      }
    }
  }
  return { failures, warnings };
}
