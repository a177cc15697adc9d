import type { LibvirtNetwork } from '../../snapshot/types';
import { err, ok, type Result } from '../result';
import { describeUsable } from './choose';
import { libvirtDhcp, type InterfaceFacts } from './facts';
import type { Attachment, CandidateVerdict, DhcpInfo, InstallMode, PlanFailure } from './types';

export interface DefaultChoice {
  attach: Attachment;
  hostInterface: string | null;
  /** The interface whose facts apply (for bridges and macvtap parents, and a network's bridge). */
  facts: InterfaceFacts | null;
  network: LibvirtNetwork | null;
  dhcp: DhcpInfo;
  rule: string;
  summary: string;
  verdicts: CandidateVerdict[];
  /** The interface that carries a macvtap NIC (the mode is decided by the caller). */
  macvtapParent: string | null;
}

export const MANUAL_RULE =
  "Without constraints on a host installed by hand (MAAS 2.4): use libvirt network 'maas' if it exists, else 'default'.";
export const DEPLOYED_RULE =
  'Without constraints on a deployed KVM host (MAAS 2.5+): a libvirt network whose bridge has DHCP (maas, then default, then the others), else the first bridge on DHCP, else the first interface usable for macvtap on DHCP.';

/** DHCP of a network: libvirt's own <dhcp>, else a mark on its bridge or one of the bridge's subnets. */
export function networkDhcp(network: LibvirtNetwork, facts: readonly InterfaceFacts[]): DhcpInfo {
  const bridge = network.bridge ? facts.find((f) => f.iface.name === network.bridge) : undefined;
  if (bridge) return bridge.dhcp;
  return (
    libvirtDhcp(network) ?? {
      available: false,
      source: null,
      detail: `network '${network.name}' has no <dhcp>${network.bridge ? '' : ' and no bridge'}`,
    }
  );
}

function manual(
  networks: readonly LibvirtNetwork[],
  facts: readonly InterfaceFacts[],
): Result<DefaultChoice, PlanFailure> {
  const maas = networks.find((n) => n.name === 'maas');
  const dflt = networks.find((n) => n.name === 'default');
  const chosen = maas ?? dflt;
  const verdicts: CandidateVerdict[] = [];
  if (chosen) {
    verdicts.push({
      name: chosen.name,
      kind: 'network',
      outcome: 'chosen',
      reason:
        chosen === maas
          ? "network 'maas' exists, and it comes first."
          : "there is no network 'maas', and network 'default' exists.",
    });
  }
  if (maas && dflt) {
    verdicts.push({
      name: 'default',
      kind: 'network',
      outcome: 'lost',
      reason: "network 'default' exists too, but 'maas' is preferred.",
    });
  }
  for (const n of networks) {
    if (n === maas || n === dflt) continue;
    verdicts.push({
      name: n.name,
      kind: 'network',
      outcome: 'no-match',
      reason: `network '${n.name}' is not used by this rule (only 'maas' and 'default' are); give constraints such as 0:name=${n.bridge ?? n.name} to use it.`,
    });
  }
  if (!chosen) {
    const others = networks.map((n) => `'${n.name}'`).join(', ');
    return err({
      message:
        `This host has no libvirt network named 'maas' or 'default', and no interface constraints were given. ` +
        `Define one of those networks, or give constraints such as 0:name=br0 (${describeUsable(facts)}` +
        `${others ? `; its networks are ${others}` : '; it has no libvirt networks'}).`,
      details: verdicts.map((v) => v.reason),
    });
  }
  const dhcp = networkDhcp(chosen, facts);
  return ok({
    attach: { type: 'network', network: chosen.name },
    hostInterface: chosen.bridge ?? null,
    facts: facts.find((f) => f.iface.name === chosen.bridge) ?? null,
    network: chosen,
    dhcp,
    rule: MANUAL_RULE,
    summary: `network '${chosen.name}' (${dhcp.available ? dhcp.detail : 'no DHCP known there'}).`,
    verdicts,
    macvtapParent: null,
  });
}

interface Tiered {
  tier: 1 | 2 | 3;
  name: string;
  kind: CandidateVerdict['kind'];
  network: LibvirtNetwork | null;
  facts: InterfaceFacts | null;
  dhcp: DhcpInfo;
}

const tierWords = {
  1: 'a libvirt network with DHCP',
  2: 'a bridge on DHCP',
  3: 'macvtap on an interface with DHCP',
} as const;

function deployed(
  networks: readonly LibvirtNetwork[],
  facts: readonly InterfaceFacts[],
  hostname: string,
): Result<DefaultChoice, PlanFailure> {
  const verdicts: CandidateVerdict[] = [];
  const candidates: Tiered[] = [];
  const ordered = [
    ...networks.filter((n) => n.name === 'maas'),
    ...networks.filter((n) => n.name === 'default'),
    ...networks.filter((n) => n.name !== 'maas' && n.name !== 'default'),
  ];
  for (const n of ordered) {
    if (!n.bridge) {
      verdicts.push({
        name: n.name,
        kind: 'network',
        outcome: 'unusable',
        reason: `network '${n.name}' has no bridge (forward mode ${n.forwardMode}).`,
      });
      continue;
    }
    const bridgeFacts = facts.find((f) => f.iface.name === n.bridge) ?? null;
    candidates.push({
      tier: 1,
      name: n.name,
      kind: 'network',
      network: n,
      facts: bridgeFacts,
      dhcp: networkDhcp(n, facts),
    });
  }
  const networkBridges = new Set(networks.map((n) => n.bridge).filter((b): b is string => !!b));
  for (const f of facts) {
    if (networkBridges.has(f.iface.name)) continue; // judged as its network
    if (f.unusable !== null) {
      verdicts.push({ name: f.iface.name, kind: f.iface.kind, outcome: 'unusable', reason: f.unusable });
      continue;
    }
    candidates.push({
      tier: f.iface.kind === 'bridge' ? 2 : 3,
      name: f.iface.name,
      kind: f.iface.kind,
      network: null,
      facts: f,
      dhcp: f.dhcp,
    });
  }
  const served = candidates.filter((c) => c.dhcp.available).sort((a, b) => a.tier - b.tier);
  const chosen = served[0];
  const judged: CandidateVerdict[] = candidates.map((c) => {
    const label = c.kind === 'network' ? `network '${c.name}'` : c.name;
    if (!c.dhcp.available)
      return { name: c.name, kind: c.kind, outcome: 'no-match', reason: `${label} is skipped: ${c.dhcp.detail}.` };
    if (c === chosen) {
      const before =
        c.tier === 1
          ? ''
          : c.tier === 2
            ? 'no libvirt network has DHCP, and '
            : 'no libvirt network or bridge has DHCP, and ';
      return { name: c.name, kind: c.kind, outcome: 'chosen', reason: `${before}${label} has DHCP: ${c.dhcp.detail}.` };
    }
    const winner = chosen?.kind === 'network' ? `network '${chosen.name}'` : (chosen?.name ?? '');
    const reason =
      chosen && chosen.tier < c.tier
        ? `${label} has DHCP too, but ${tierWords[chosen.tier]} (${winner}) is preferred over ${tierWords[c.tier]}.`
        : `${label} has DHCP too, but ${winner} comes first${c.tier === 1 ? ' (maas, then default, then the others)' : " in the host's interface list"}.`;
    return { name: c.name, kind: c.kind, outcome: 'lost', reason };
  });
  const all = [
    ...judged.filter((v) => v.outcome === 'chosen'),
    ...judged.filter((v) => v.outcome !== 'chosen'),
    ...verdicts,
  ];
  if (!chosen) {
    return err({
      message:
        `No place on ${hostname} is known to have DHCP, so a VM on a deployed host could not get an address. ` +
        "LabDeck looked for a libvirt network with DHCP ('maas', 'default', then the others), then a bridge on DHCP, then an interface for macvtap on DHCP. " +
        'Mark the bridge or subnet your DHCP server answers on as "external DHCP", add <dhcp> to a libvirt network, give interface constraints, or set the host to "installed by hand".',
      details: all.map((v) => v.reason),
    });
  }
  const base = { facts: chosen.facts, network: chosen.network, dhcp: chosen.dhcp, rule: DEPLOYED_RULE, verdicts: all };
  if (chosen.tier === 1 && chosen.network) {
    return ok({
      ...base,
      attach: { type: 'network', network: chosen.name },
      hostInterface: chosen.network.bridge ?? null,
      summary: `network '${chosen.name}': ${chosen.dhcp.detail}.`,
      macvtapParent: null,
    });
  }
  if (chosen.tier === 2) {
    return ok({
      ...base,
      attach: { type: 'bridge', source: chosen.name },
      hostInterface: chosen.name,
      summary: `bridge ${chosen.name}: ${chosen.dhcp.detail}.`,
      macvtapParent: null,
    });
  }
  return ok({
    ...base,
    attach: { type: 'direct', dev: chosen.name, mode: 'bridge' },
    hostInterface: chosen.name,
    summary: `macvtap on ${chosen.name}: ${chosen.dhcp.detail}.`,
    macvtapParent: chosen.name,
  });
}

const POD_DEFAULT_RULE =
  "Without constraints, a NIC goes to the pod's default network (pod settings), when one is set and exists.";

/** The pod's own choice beats MAAS's rules: the user named the network for unconstrained NICs. */
function podDefault(
  network: LibvirtNetwork,
  networks: readonly LibvirtNetwork[],
  facts: readonly InterfaceFacts[],
): DefaultChoice {
  const dhcp = networkDhcp(network, facts);
  return {
    attach: { type: 'network', network: network.name },
    hostInterface: network.bridge ?? null,
    facts: facts.find((f) => f.iface.name === network.bridge) ?? null,
    network,
    dhcp,
    rule: POD_DEFAULT_RULE,
    summary: `network '${network.name}', the pod's default (${dhcp.available ? dhcp.detail : 'no DHCP known there'}).`,
    verdicts: networks.map((n) =>
      n === network
        ? {
            name: n.name,
            kind: 'network' as const,
            outcome: 'chosen' as const,
            reason: `network '${n.name}' is the pod's default network.`,
          }
        : {
            name: n.name,
            kind: 'network' as const,
            outcome: 'lost' as const,
            reason: `network '${n.name}' is not the pod's default network.`,
          },
    ),
    macvtapParent: null,
  };
}

/** The NIC attachment when no interface constraints were given. */
export function chooseDefault(
  installMode: InstallMode,
  networks: readonly LibvirtNetwork[],
  facts: readonly InterfaceFacts[],
  hostname: string,
  defaultNetwork?: string | null,
): Result<DefaultChoice, PlanFailure> {
  const preferred = defaultNetwork ? networks.find((n) => n.name === defaultNetwork) : undefined;
  if (preferred) return ok(podDefault(preferred, networks, facts));
  return installMode === 'manual' ? manual(networks, facts) : deployed(networks, facts, hostname);
}
