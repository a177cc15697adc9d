import { splitKey, type ConstraintBaseKey, type ConstraintKey } from '../constraints/keys';
import type { ConstraintSet } from '../constraints/types';
import { parseMaasInteger, parseVid } from '../constraints/values';
import { networkContains, parseCidr, parseIp, sameNetwork } from '../net/ip';
import type { InterfaceFacts, Sourced } from './facts';

export interface KeyCheck {
  key: ConstraintKey;
  pass: boolean;
  /** Why it passed or failed, as a clause ("its space is lan"). */
  reason: string;
}

export interface MatchResult {
  matched: boolean;
  checks: KeyCheck[];
}

const list = (xs: readonly Sourced<string>[]) => xs.map((x) => `'${x.value}' (${x.source})`).join(', ');

/** Whether one value of a base key holds for the interface, with the fact it was judged on. */
function holds(
  f: InterfaceFacts,
  key: ConstraintBaseKey,
  raw: string,
  hostname: string,
): { hit: boolean; fact: string } {
  const value = raw.trim();
  const name = f.iface.name;
  const among = (xs: Sourced<string>[], what: string) => ({
    hit: xs.some((x) => x.value === value),
    fact: xs.length === 0 ? `${name} has no ${what} (mark it)` : `${name}'s ${what}: ${list(xs)}`,
  });
  switch (key) {
    case 'id':
      return { hit: f.iface.ifindex === parseMaasInteger(value), fact: `${name} has index ${f.iface.ifindex}` };
    case 'name':
      return { hit: name === value, fact: `it is named ${name}` };
    case 'hostname':
      return { hit: hostname.toLowerCase() === value.toLowerCase(), fact: `the host is called ${hostname}` };
    case 'type':
      return { hit: f.iface.kind === value.toLowerCase(), fact: `${name} is a ${f.iface.kind} interface` };
    case 'space':
      if (value === 'undefined') {
        return {
          hit: f.space.length === 0,
          fact: f.space.length === 0 ? `${name} has no space` : `${name}'s space: ${list(f.space)}`,
        };
      }
      return among(f.space, 'space');
    case 'fabric':
      return among(f.fabric, 'fabric');
    case 'fabric_class':
      return among(f.fabricClass, 'fabric class');
    case 'vlan':
      return among(f.vlanName, 'VLAN name');
    case 'vid':
      return {
        hit: f.vid.value === parseVid(value),
        fact: `${name} is ${f.vid.value === 0 ? 'untagged' : `VLAN ${f.vid.value}`} (${f.vid.source})`,
      };
    case 'tag': {
      const wanted = value.split('&&').map((t) => t.trim());
      const have = f.tags.map((t) => t.value);
      return {
        hit: wanted.every((t) => have.includes(t)),
        fact: have.length === 0 ? `${name} has no tags (mark it)` : `${name}'s tags: ${[...new Set(have)].join(', ')}`,
      };
    }
    case 'link_speed': {
      if (!f.linkSpeedMbps) return { hit: false, fact: `${name}'s link speed is unknown (mark it)` };
      return { hit: f.linkSpeedMbps.value >= Number(value), fact: `${name} runs at ${f.linkSpeedMbps.value} Mbit/s` };
    }
    case 'mode':
      return {
        hit: f.hostAddresses.length === 0,
        fact:
          f.hostAddresses.length === 0 ? `${name} has no address on the host` : `${name} has an address on the host`,
      };
    case 'subnet_cidr':
    case 'subnet': {
      const cidrs = f.subnets.map((s) => s.cidr);
      const fact = cidrs.length === 0 ? `${name} has no subnets` : `${name}'s subnets: ${cidrs.join(', ')}`;
      const net = parseCidr(value);
      if (net) return { hit: f.subnets.some((s) => sameNetwork(s.net, net)), fact };
      if (key === 'subnet_cidr') return { hit: false, fact };
      const ip = parseIp(value);
      if (ip) return { hit: f.subnets.some((s) => networkContains(s.net, ip)), fact };
      const named = f.subnets.filter((s) => s.mark?.name !== undefined);
      return {
        hit: named.some((s) => s.mark?.name === value),
        fact:
          named.length === 0
            ? fact
            : `${name}'s subnets: ${named.map((s) => `${s.cidr} ('${s.mark?.name ?? ''}')`).join(', ')}`,
      };
    }
    case 'ip': {
      const ip = parseIp(value);
      const cidrs = f.subnets.map((s) => s.cidr);
      return {
        hit: ip !== null && f.subnets.some((s) => networkContains(s.net, ip)),
        fact: cidrs.length === 0 ? `${name} has no subnets` : `${name}'s subnets: ${cidrs.join(', ')}`,
      };
    }
  }
}

/**
 * MAAS semantics: values of one key are OR-ed, different keys AND-ed; a `not_` key fails when any
 * of its values holds. For `ip`, the address must fall inside a subnet on the interface (MAAS
 * turned ip= into "the VLAN of that address" when composing); `not_ip` excludes the interface
 * that itself holds that address (MAAS's plain ip_addresses match).
 */
export function matchInterface(f: InterfaceFacts, set: ConstraintSet, hostname: string): MatchResult {
  const checks: KeyCheck[] = [];
  for (const [k, values] of Object.entries(set) as [ConstraintKey, string[]][]) {
    const { base, negated } = splitKey(k);
    if (negated && base === 'ip') {
      const held = values.filter((v) => {
        const ip = parseIp(v.trim());
        return ip !== null && f.hostAddresses.some((h) => h.family === ip.family && h.value === ip.value);
      });
      checks.push({
        key: k,
        pass: held.length === 0,
        reason:
          held.length === 0
            ? `${f.iface.name} holds none of ${values.join(', ')}`
            : `${f.iface.name} holds ${held.join(', ')}`,
      });
      continue;
    }
    const results = values.map((v) => ({ v, ...holds(f, base, v, hostname) }));
    const hits = results.filter((r) => r.hit);
    const fact = results[0]?.fact ?? '';
    if (negated) {
      checks.push({
        key: k,
        pass: hits.length === 0,
        reason: hits.length === 0 ? fact : `${base} ${hits.map((h) => h.v).join('/')} is excluded and ${fact}`,
      });
    } else {
      checks.push({
        key: k,
        pass: hits.length > 0,
        reason: hits.length > 0 ? fact : `wanted ${base}=${values.join(' or ')} but ${fact}`,
      });
    }
  }
  return { matched: checks.every((c) => c.pass), checks };
}
