/**
 * The interface-constraint keys MAAS accepts (NETWORKING_CONSTRAINT_NAMES in
 * maasserver/node_constraint_filter_forms.py, the last version before pods were removed).
 */

/** Base keys, in the order MAAS documents them. */
export const constraintBaseKeys = [
  'id',
  'fabric',
  'fabric_class',
  'ip',
  'mode',
  'name',
  'hostname',
  'subnet',
  'space',
  'subnet_cidr',
  'type',
  'vlan',
  'vid',
  'tag',
  'link_speed',
] as const;
export type ConstraintBaseKey = (typeof constraintBaseKeys)[number];

/**
 * Keys that have no `not_` form in MAAS. Note: MAAS's own list has `not_fabric_class` but no
 * `not_type`, so it is `type` (not `fabric_class`) that cannot be negated.
 */
export const nonNegatableKeys: readonly ConstraintBaseKey[] = ['mode', 'type', 'link_speed'];

export const negatableKeys = constraintBaseKeys.filter((k) => !nonNegatableKeys.includes(k));

export type NegatedKey = `not_${Exclude<ConstraintBaseKey, 'mode' | 'type' | 'link_speed'>}`;
export type ConstraintKey = ConstraintBaseKey | NegatedKey;

/** Every accepted key: base keys first, then the `not_` forms, in a stable order. */
export const constraintKeys: readonly ConstraintKey[] = [
  ...constraintBaseKeys,
  ...negatableKeys.map((k) => `not_${k}` as NegatedKey),
];

const keySet: ReadonlySet<string> = new Set(constraintKeys);

export function isConstraintKey(key: string): key is ConstraintKey {
  return keySet.has(key);
}

export function canNegate(key: ConstraintBaseKey): boolean {
  return !nonNegatableKeys.includes(key);
}

/** Splits `not_space` into { base: 'space', negated: true }. */
export function splitKey(key: ConstraintKey): { base: ConstraintBaseKey; negated: boolean } {
  if (key.startsWith('not_')) return { base: key.slice(4) as ConstraintBaseKey, negated: true };
  return { base: key as ConstraintBaseKey, negated: false };
}

export function joinKey(base: ConstraintBaseKey, negated: boolean): ConstraintKey | null {
  if (!negated) return base;
  return canNegate(base) ? (`not_${base}` as NegatedKey) : null;
}

/** One-line meaning of each key, for help text in the UI. */
export const constraintKeyHelp: Record<ConstraintBaseKey, string> = {
  id: 'the host interface index (a number)',
  fabric: 'the fabric you marked on the interface or its subnet',
  fabric_class: 'the class of that fabric (for example 10g)',
  ip: 'give the VM exactly this address; the host interface must have a subnet that contains it',
  mode: "only 'unconfigured': an interface with no address on the host",
  name: 'the host interface name, for example br0',
  hostname: "the host's own hostname",
  subnet: 'a subnet (CIDR) on the interface, or the name you gave it',
  space: 'the space you marked on the interface or its subnet',
  subnet_cidr: 'a subnet CIDR on the interface, for example 10.0.0.0/24',
  type: 'the interface kind: physical, bridge, bond, vlan, macvlan, …',
  vlan: 'the VLAN name you marked',
  vid: "the VLAN tag: 'untagged' or 0–4094",
  tag: 'a tag you put on the interface; a&&b needs both',
  link_speed: 'at least this link speed, in Mbit/s',
};
