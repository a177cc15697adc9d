import type { NetworkSpec } from '../contract/networks';
import { parseCidr } from '../compose/net/ip';
import type { HostSnapshot } from '../snapshot/types';
import { hostSubnets } from './checks';

/** Why the preset looks the way it does, in the words of MAAS's KVM-host instructions. */
export const MAAS_PRESET_REASON =
  "MAAS asks for a separate libvirt network named 'maas' with DHCP disabled: MAAS serves DHCP and PXE there itself, " +
  'and a second DHCP server would hand out addresses MAAS does not know. A VM composed without interface constraints on a ' +
  "manually installed host lands on 'maas' when it exists. VMs on it must reach the wider network: by NAT, or by a bridge " +
  "that includes one of the host's physical interfaces.";

/** The first 192.168.N.0/24 (then 10.N.0.0/24) no interface or network on the host overlaps, as "gateway/24". */
export function suggestSubnet(snapshot: Pick<HostSnapshot, 'interfaces' | 'libvirt'>): string {
  const used = hostSubnets(snapshot).map((s) => s.net);
  const free = (cidr: string): boolean => {
    const n = parseCidr(cidr);
    return (
      !!n &&
      !used.some((u) => {
        const wider = u.prefix <= n.prefix ? u : n;
        const other = wider === u ? n : u;
        const hostBits = BigInt(32 - wider.prefix);
        return (other.network >> hostBits) << hostBits === wider.network;
      })
    );
  };
  for (let i = 100; i < 255; i++) if (free(`192.168.${i}.0/24`)) return `192.168.${i}.1/24`;
  for (let i = 10; i < 255; i++) if (free(`10.${i}.0.0/24`)) return `10.${i}.0.1/24`;
  return '10.254.254.1/24';
}

/** The MAAS-ready network: named maas, no DHCP, NAT on a free subnet or bridged to a host bridge. */
export function maasPreset(
  snapshot: Pick<HostSnapshot, 'interfaces' | 'libvirt'>,
  via: { kind: 'nat' } | { kind: 'bridge'; bridge: string },
  name = 'maas',
): NetworkSpec {
  return via.kind === 'nat'
    ? { name, kind: 'nat', ipv4: suggestSubnet(snapshot), dhcp: null, autostart: true, start: true, devices: [] }
    : { name, kind: 'bridge', bridge: via.bridge, dhcp: null, autostart: true, start: true, devices: [] };
}
