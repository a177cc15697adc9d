import { z } from 'zod';
import { formatNetwork, parseCidr } from './net/ip';

/**
 * What the user tells LabDeck about a host's networks that the host itself cannot show: the MAAS
 * notions (space, fabric, VLAN) the constraint grammar matches on, and whether an external DHCP
 * server answers there. Marks sit on a subnet (by CIDR) or on an interface (by name).
 */

const label = z.string().trim().min(1).max(64);

const common = {
  space: label.optional(),
  fabric: label.optional(),
  /** MAAS's fabric class, e.g. "10g". */
  fabricClass: label.optional(),
  vlanName: label.optional(),
  /** 0 = untagged. */
  vid: z.number().int().min(0, 'VLAN id is 0–4094').max(4094, 'VLAN id is 0–4094').optional(),
  /** A DHCP server that is not libvirt's (a router, MAAS, dnsmasq elsewhere) answers on this segment. */
  externalDhcp: z.boolean().default(false),
  tags: z.array(label).default([]),
};

export const cidrText = z
  .string()
  .trim()
  .refine((s) => parseCidr(s) !== null, { message: 'Not a CIDR — write it like 10.0.0.0/24' })
  .transform((s) => {
    const net = parseCidr(s);
    return net ? formatNetwork(net) : s;
  });

export const SubnetMark = z.object({
  /** A name the `subnet=` constraint can use instead of the CIDR. */
  name: label.optional(),
  ...common,
});
export type SubnetMark = z.infer<typeof SubnetMark>;

export const InterfaceMark = z.object({
  ...common,
  /**
   * Subnets on this segment that the host has no address in (an L2-only bridge), so that `ip=`
   * and `subnet_cidr=` can still match it.
   */
  subnets: z.array(cidrText).default([]),
  /** The snapshot shows no link speed; `link_speed=` matches this instead. */
  linkSpeedMbps: z.number().int().nonnegative().optional(),
});
export type InterfaceMark = z.infer<typeof InterfaceMark>;

/** Keyed by canonical CIDR ("10.0.0.0/24") and by interface name. */
export const HostMarks = z.object({
  subnets: z
    .record(z.string(), SubnetMark)
    .default({})
    .superRefine((rec, ctx) => {
      for (const key of Object.keys(rec)) {
        if (parseCidr(key.trim()) === null) {
          ctx.addIssue({ code: 'custom', path: [key], message: `'${key}' is not a CIDR — write it like 10.0.0.0/24` });
        }
      }
    })
    .transform((rec) => {
      const out: Record<string, SubnetMark> = {};
      for (const [key, mark] of Object.entries(rec)) {
        const net = parseCidr(key.trim());
        out[net ? formatNetwork(net) : key] = mark;
      }
      return out;
    }),
  interfaces: z.record(z.string().min(1), InterfaceMark).default({}),
});
export type HostMarks = z.infer<typeof HostMarks>;
export type HostMarksInput = z.input<typeof HostMarks>;

export const emptyMarks = (): HostMarks => ({ subnets: {}, interfaces: {} });

/** The mark for a subnet, whatever spelling of the CIDR is asked for. */
export function subnetMarkFor(marks: HostMarks, cidr: string): SubnetMark | undefined {
  const net = parseCidr(cidr);
  if (!net) return undefined;
  const key = formatNetwork(net);
  return Object.prototype.hasOwnProperty.call(marks.subnets, key) ? marks.subnets[key] : undefined;
}

export function interfaceMarkFor(marks: HostMarks, name: string): InterfaceMark | undefined {
  return Object.prototype.hasOwnProperty.call(marks.interfaces, name) ? marks.interfaces[name] : undefined;
}
