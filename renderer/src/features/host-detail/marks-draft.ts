import { HostMarks, type HostMarksInput, type InterfaceMark, type SubnetMark } from '../../../../shared/compose/marks';
import { formatNetwork, parseCidr } from '../../../../shared/compose/net/ip';
import { formatZodError } from '../../../../shared/contract';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { isHostEndDevice } from '../../../../shared/warnings';

/** What the Marks table edits: text as typed, so a half-typed VLAN id is kept until it is checked. */
export type MarkFields = {
  /** Subnets only: a name `subnet=` can use. */
  name: string;
  space: string;
  fabric: string;
  vlanName: string;
  vid: string;
  externalDhcp: boolean;
  /** Comma-separated. */
  tags: string;
};

export type MarkRow = {
  /** 'subnet:10.0.0.0/24' or 'interface:br0'. */
  key: string;
  kind: 'subnet' | 'interface';
  /** The CIDR or the interface name. */
  target: string;
  /** Where it shows up on the host ("br0, network default"), or why it is listed anyway. */
  seenOn: string;
  fields: MarkFields;
};

export type FieldName = keyof MarkFields;
export type DraftErrors = Record<string, Partial<Record<FieldName, string>>>;

const blank = (): MarkFields => ({
  name: '',
  space: '',
  fabric: '',
  vlanName: '',
  vid: '',
  externalDhcp: false,
  tags: '',
});

function fieldsOf(m: SubnetMark | InterfaceMark | undefined): MarkFields {
  if (!m) return blank();
  return {
    name: 'name' in m ? (m.name ?? '') : '',
    space: m.space ?? '',
    fabric: m.fabric ?? '',
    vlanName: m.vlanName ?? '',
    vid: m.vid === undefined ? '' : String(m.vid),
    externalDhcp: m.externalDhcp,
    tags: m.tags.join(', '),
  };
}

const canonical = (cidr: string): string | null => {
  const net = parseCidr(cidr.trim());
  return net ? formatNetwork(net) : null;
};

/** The interfaces worth marking: not lo, not the host ends of VM NICs. */
const markable = (s: HostSnapshot) => s.interfaces.filter((i) => !isHostEndDevice(i) && i.kind !== 'macvlan');

/**
 * The rows of the Marks tab: every subnet the host has an address in or a libvirt network serves,
 * every markable interface, and whatever is already marked (even if the host no longer shows it).
 */
export function markRows(
  s: HostSnapshot,
  marks: HostMarks,
  extraSubnets: readonly string[],
): { subnets: MarkRow[]; interfaces: MarkRow[] } {
  const seen = new Map<string, string[]>();
  const note = (cidr: string | null, where: string): void => {
    if (!cidr) return;
    const list = seen.get(cidr) ?? [];
    if (!list.includes(where)) list.push(where);
    seen.set(cidr, list);
  };
  for (const i of markable(s)) {
    for (const a of i.addresses)
      if (a.scope !== 'link' && a.scope !== 'host') note(canonical(`${a.address}/${a.prefixLen}`), i.name);
  }
  for (const n of s.libvirt?.networks ?? [])
    for (const ip of n.ips) note(canonical(`${ip.address}/${ip.prefixLen}`), `network ${n.name}`);
  for (const cidr of Object.keys(marks.subnets))
    if (!seen.has(cidr)) seen.set(cidr, ['marked only: no address on the host']);
  for (const cidr of extraSubnets) if (!seen.has(cidr)) seen.set(cidr, ['added here']);

  const subnets = [...seen.entries()].map(([cidr, where]) => ({
    key: `subnet:${cidr}`,
    kind: 'subnet' as const,
    target: cidr,
    seenOn: where.join(', '),
    fields: fieldsOf(marks.subnets[cidr]),
  }));
  const names = new Set(markable(s).map((i) => i.name));
  const interfaces = [
    ...markable(s).map((i) => ({ name: i.name, seenOn: i.kind === 'physical' ? 'NIC' : i.kind })),
    ...Object.keys(marks.interfaces)
      .filter((n) => !names.has(n))
      .map((name) => ({ name, seenOn: 'marked only: not on the host now' })),
  ].map(({ name, seenOn }) => ({
    key: `interface:${name}`,
    kind: 'interface' as const,
    target: name,
    seenOn,
    fields: fieldsOf(marks.interfaces[name]),
  }));
  return { subnets, interfaces };
}

/** Checks a CIDR the user wants to add; returns the canonical form or an error sentence. */
export function checkNewSubnet(text: string, existing: readonly MarkRow[]): { cidr: string } | { error: string } {
  const cidr = canonical(text);
  if (!cidr) return { error: `"${text.trim()}" is not a CIDR — write it like 10.0.0.0/24` };
  if (existing.some((r) => r.target === cidr)) return { error: `${cidr} is already listed` };
  return { cidr };
}

const LABEL_MAX = 64;

function label(value: string, field: FieldName, errs: Partial<Record<FieldName, string>>): string | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (v.length > LABEL_MAX) errs[field] = `At most ${LABEL_MAX} characters`;
  return v;
}

function vidOf(value: string, errs: Partial<Record<FieldName, string>>): number | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  if (v === 'untagged') return 0;
  if (!/^\d+$/.test(v) || Number(v) > 4094) {
    errs.vid = 'VLAN id is a whole number 0–4094 (0 = untagged)';
    return undefined;
  }
  return Number(v);
}

/**
 * The marks to save: typed fields checked one by one (errors per row and field), then the whole
 * checked against the contract's schema. Fields the table does not show (fabric class, an
 * interface's extra subnets, link speed) are kept from the saved marks. All-empty rows are dropped.
 */
export function marksFromRows(
  rows: readonly MarkRow[],
  saved: HostMarks,
): { marks: HostMarks } | { errors: DraftErrors; message: string } {
  const errors: DraftErrors = {};
  const out: HostMarksInput = { subnets: {}, interfaces: {} };
  for (const r of rows) {
    const errs: Partial<Record<FieldName, string>> = {};
    const f = r.fields;
    const tags = [
      ...new Set(
        f.tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ];
    if (tags.some((t) => t.length > LABEL_MAX)) errs.tags = `Each tag at most ${LABEL_MAX} characters`;
    const common = {
      space: label(f.space, 'space', errs),
      fabric: label(f.fabric, 'fabric', errs),
      vlanName: label(f.vlanName, 'vlanName', errs),
      vid: vidOf(f.vid, errs),
      externalDhcp: f.externalDhcp,
      tags,
    };
    if (Object.keys(errs).length > 0) {
      errors[r.key] = errs;
      continue;
    }
    const defined = Object.fromEntries(Object.entries(common).filter(([, v]) => v !== undefined));
    if (r.kind === 'subnet') {
      const prev = saved.subnets[r.target];
      const name = label(f.name, 'name', errs);
      if (errs.name) {
        errors[r.key] = errs;
        continue;
      }
      const mark = {
        ...defined,
        ...(name ? { name } : {}),
        ...(prev?.fabricClass ? { fabricClass: prev.fabricClass } : {}),
      };
      if (!isEmpty(mark)) out.subnets![r.target] = mark;
    } else {
      const prev = saved.interfaces[r.target];
      const mark = {
        ...defined,
        ...(prev?.fabricClass ? { fabricClass: prev.fabricClass } : {}),
        ...(prev?.subnets.length ? { subnets: prev.subnets } : {}),
        ...(prev?.linkSpeedMbps !== undefined ? { linkSpeedMbps: prev.linkSpeedMbps } : {}),
      };
      if (!isEmpty(mark)) out.interfaces![r.target] = mark;
    }
  }
  const bad = Object.keys(errors).length;
  if (bad > 0) {
    return {
      errors,
      message: `Nothing was saved: ${bad === 1 ? 'one row needs' : `${bad} rows need`} fixing (see the fields marked in red).`,
    };
  }
  const parsed = HostMarks.safeParse(out);
  if (!parsed.success) return { errors: {}, message: `Nothing was saved: ${formatZodError(parsed.error)}` };
  return { marks: parsed.data };
}

function isEmpty(m: Record<string, unknown>): boolean {
  return Object.entries(m).every(([k, v]) =>
    k === 'externalDhcp' ? v === false : Array.isArray(v) ? v.length === 0 : v === undefined,
  );
}
