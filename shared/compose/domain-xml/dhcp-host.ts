import { parseIpv4 } from '../net/ip';
import { err, ok, type Result } from '../result';
import { normalizeMac } from './mac';
import { XML_FORBIDDEN, xmlBuilder } from './xml';

/**
 * The `<host mac=… ip=… [name=…]/>` element that `virsh net-update NET add ip-dhcp-host` takes,
 * as one line (it is passed as a single argv element).
 */
export function buildDhcpHostXml(host: { mac: string; ip: string; name?: string }): Result<string, string> {
  const mac = normalizeMac(host.mac);
  if (mac === null) return err(`'${host.mac}' is not a unicast MAC address.`);
  if (parseIpv4(host.ip) === null)
    return err(`'${host.ip}' is not an IPv4 address (libvirt reserves IPv4 addresses by MAC only).`);
  if (host.name !== undefined && (host.name.trim() === '' || XML_FORBIDDEN.test(host.name) || /\s/.test(host.name))) {
    return err(`'${host.name}' is not a usable DHCP host name.`);
  }
  const attrs: Record<string, string> = { '@_mac': mac };
  if (host.name !== undefined) attrs['@_name'] = host.name;
  attrs['@_ip'] = host.ip;
  return ok(xmlBuilder(false).build({ host: attrs }));
}
