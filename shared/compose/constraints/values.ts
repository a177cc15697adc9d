import { interfaceKinds } from '../../snapshot/types';
import { parseCidr, parseIp } from '../net/ip';
import type { ConstraintBaseKey } from './keys';
import { nearest } from './edit-distance';

/**
 * MAAS's parse_integer: surrounding whitespace ignored, `0x` hex and `0b` binary prefixes,
 * otherwise decimal; an optional sign. Returns null when it is not an integer.
 */
export function parseMaasInteger(text: string): number | null {
  const t = text.trim();
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)$/.exec(t);
  if (!m) return null;
  const body = m[2] ?? '';
  const lower = body.toLowerCase();
  const magnitude = lower.startsWith('0x')
    ? parseInt(lower.slice(2), 16)
    : lower.startsWith('0b')
      ? parseInt(lower.slice(2), 2)
      : parseInt(lower, 10);
  if (!Number.isSafeInteger(magnitude)) return null;
  return m[1] === '-' ? -magnitude : magnitude;
}

/** The VLAN id a `vid` value stands for: `untagged` is 0. Null when invalid. */
export function parseVid(value: string): number | null {
  const t = value.trim();
  if (t.toLowerCase() === 'untagged') return 0;
  const n = parseMaasInteger(t);
  return n !== null && n >= 0 && n <= 4094 ? n : null;
}

/**
 * Why `value` is not acceptable for `key`, or null when it is. Values are judged after trimming
 * surrounding whitespace, as MAAS does when it turns constraints into queries.
 */
export function valueProblem(key: ConstraintBaseKey, value: string): string | null {
  const t = value.trim();
  if (t === '') return `key '${key}' has an empty value`;
  switch (key) {
    case 'vid':
      return parseVid(t) === null ? `vid '${t}' is not valid — use 'untagged' or a number from 0 to 4094` : null;
    case 'mode':
      return t.toLowerCase() === 'unconfigured' ? null : `mode '${t}' is not valid — the only mode is 'unconfigured'`;
    case 'ip':
      return parseIp(t) === null ? `ip '${t}' is not a valid IPv4 or IPv6 address` : null;
    case 'subnet_cidr':
      return parseCidr(t) === null
        ? `subnet_cidr '${t}' is not a valid CIDR — write it like 10.0.0.0/24 or 2001:db8::/64`
        : null;
    case 'link_speed':
      return /^[0-9]+$/.test(t) ? null : `link_speed '${t}' is not a whole number of Mbit/s`;
    case 'id': {
      const n = parseMaasInteger(t);
      return n !== null && n >= 0 ? null : `id '${t}' is not a number — interface ids are numeric`;
    }
    case 'type': {
      if ((interfaceKinds as readonly string[]).includes(t.toLowerCase())) return null;
      const guess = nearest(t, interfaceKinds);
      return `type '${t}' is not an interface kind — did you mean '${guess ?? 'bridge'}'? (kinds: ${interfaceKinds.join(', ')})`;
    }
    default:
      return null;
  }
}
