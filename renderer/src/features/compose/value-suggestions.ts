import type { ConstraintBaseKey, InterfaceFacts } from '../../../../shared/compose';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { attachPhrase, dhcpPhrase, linkState } from './host-interface-notes';

export interface ValueSuggestion {
  value: string;
  /** Why it is offered: the interface's kind, link and DHCP, the mark it comes from … */
  note: string;
}

const unique = (xs: ValueSuggestion[]): ValueSuggestion[] =>
  xs.filter((x, i) => xs.findIndex((y) => y.value === x.value) === i);

/** Values the host actually has for a key, so the builder offers real names instead of a blank box. */
export function valueSuggestions(
  key: ConstraintBaseKey,
  facts: readonly InterfaceFacts[],
  snapshot: HostSnapshot | null,
): ValueSuggestion[] {
  const usable = facts.filter((f) => f.unusable === null);
  switch (key) {
    case 'name':
      return usable.map((f) => ({
        value: f.iface.name,
        note: `${attachPhrase(f)} · ${linkState(f.iface).label} · ${dhcpPhrase(f).short}`,
      }));
    case 'id':
      return usable.map((f) => ({ value: String(f.iface.ifindex), note: f.iface.name }));
    case 'type':
      return unique(
        usable.map((f) => ({
          value: f.iface.kind,
          note: usable
            .filter((g) => g.iface.kind === f.iface.kind)
            .map((g) => g.iface.name)
            .join(', '),
        })),
      );
    case 'subnet':
    case 'subnet_cidr':
      return unique(
        usable.flatMap((f) => f.subnets.map((s) => ({ value: s.cidr, note: `on ${f.iface.name} (${s.source})` }))),
      );
    case 'vid':
      return unique([
        { value: 'untagged', note: 'no VLAN tag' },
        ...usable
          .filter((f) => f.vid.value > 0)
          .map((f) => ({ value: String(f.vid.value), note: `${f.iface.name}: ${f.vid.source}` })),
      ]);
    case 'mode':
      return [{ value: 'unconfigured', note: 'an interface with no address on the host' }];
    case 'hostname':
      return snapshot ? [{ value: snapshot.hostname, note: "this host's hostname" }] : [];
    case 'space':
      return unique(
        usable.flatMap((f) => f.space.map((s) => ({ value: s.value, note: `${f.iface.name}: ${s.source}` }))),
      );
    case 'fabric':
      return unique(
        usable.flatMap((f) => f.fabric.map((s) => ({ value: s.value, note: `${f.iface.name}: ${s.source}` }))),
      );
    case 'fabric_class':
      return unique(
        usable.flatMap((f) => f.fabricClass.map((s) => ({ value: s.value, note: `${f.iface.name}: ${s.source}` }))),
      );
    case 'vlan':
      return unique(
        usable.flatMap((f) => f.vlanName.map((s) => ({ value: s.value, note: `${f.iface.name}: ${s.source}` }))),
      );
    case 'tag':
      return unique(
        usable.flatMap((f) => f.tags.map((s) => ({ value: s.value, note: `${f.iface.name}: ${s.source}` }))),
      );
    default:
      return [];
  }
}
