import {
  NetworkSpec,
  type NetworkChangeParsed,
  type NetworkChangePlan,
  type NetworkSpecParsed,
} from '../contract/networks';
import type { PodSettings } from '../contract/host';
import type { HostMarks } from '../compose/marks';
import { formatIp, parseCidr } from '../compose/net/ip';
import { quoteArgv } from '../remote/shell-quote';
import { parseNetworkXml } from '../snapshot/parse-network-xml';
import { virsh, virshArgv, type VirshArgs } from '../virsh';
import type { HostSnapshot, LibvirtNetwork } from '../snapshot/types';
import { checkHostEntry, checkRange, checkSpec, networkUsers } from './checks';
import { diffLines } from './diff';
import { composeEffects } from './effects';
import { MAAS_PRESET_REASON } from './presets';
import { buildNetworkXml, dhcpElementXml, editNetworkXml, normalizeXml } from './xml';

/** One remote command as an argv array (run without a shell), with text on stdin for net-define. */
export interface NetworkCall {
  argv: string[];
  stdin?: string;
  description: string;
}

/** A step and the calls that undo it (in order) when a later step fails. */
export interface NetworkStep extends NetworkCall {
  rollback: NetworkCall[];
}

export interface NetworkPlanInput {
  host: { id: string; name: string; libvirtUri: string; pod?: Partial<PodSettings> };
  snapshot: HostSnapshot;
  marks: HostMarks;
  change: NetworkChangeParsed;
  /** The network's persistent XML (`net-dumpxml --inactive`) for edit, stop and delete. */
  currentXml?: string | null;
}

export interface PlannedNetworkChange {
  plan: NetworkChangePlan;
  steps: NetworkStep[];
}

const STDIN = '/dev/stdin';

/**
 * The plan of a network change: checks, the XML before and after, the exact commands with their
 * undo, the VMs it touches and the effect on composes without constraints. Changes nothing.
 */
export function planNetworkChange(input: NetworkPlanInput): PlannedNetworkChange {
  const { host, snapshot, change } = input;
  const onHost = (args: VirshArgs): string[] => virshArgv(host.libvirtUri, args);
  const networks = snapshot.libvirt?.networks ?? [];
  const name = change.op === 'create' ? change.spec.name : change.network;
  const current = networks.find((n) => n.name === name);
  const problems: string[] = [];
  const notes: string[] = [];
  const steps: NetworkStep[] = [];
  let xmlBefore: string | null = null;
  let xmlAfter: string | null = null;
  let after: LibvirtNetwork[] = networks;
  let restart = false;
  let vmsCutOff: string[] = [];
  let summary = '';
  const users = current ? networkUsers(current, snapshot) : { all: [], running: [] };

  if (!snapshot.libvirt || snapshot.libvirt.error) problems.push(`${host.name} has no usable libvirt.`);

  if (change.op === 'create') {
    const spec: NetworkSpecParsed = NetworkSpec.parse(change.spec);
    const checked = checkSpec(spec, snapshot);
    problems.push(...checked.problems);
    notes.push(...checked.notes);
    if (spec.name === 'maas' && spec.dhcp === null) notes.unshift(MAAS_PRESET_REASON);
    if (spec.name === 'maas' && spec.dhcp !== null)
      notes.unshift("MAAS expects DHCP off on 'maas' (it serves DHCP there itself).");
    xmlAfter = normalizeXml(buildNetworkXml(spec));
    summary = `Create ${kindWords(spec)} network '${spec.name}'${spec.start ? ' and start it' : ''}${spec.autostart ? ', with autostart' : ''}.`;
    steps.push({
      argv: onHost(virsh.network.define(STDIN, { validate: true })),
      stdin: xmlAfter,
      description: `Define network '${spec.name}' from the XML above (checked against libvirt's schema).`,
      rollback: [
        { argv: onHost(virsh.network.undefine(spec.name)), description: `Remove the definition of '${spec.name}'.` },
      ],
    });
    // Autostart before the start: libvirt sends no event for autostart, so the re-read the start's event
    // triggers (live hosts) already sees it.
    if (spec.autostart) {
      steps.push({
        argv: onHost(virsh.network.autostart(spec.name)),
        description: `Start '${spec.name}' whenever the host boots.`,
        rollback: [
          {
            argv: onHost(virsh.network.autostart(spec.name, { disable: true })),
            description: `Turn autostart off again.`,
          },
        ],
      });
    }
    if (spec.start) {
      steps.push({
        argv: onHost(virsh.network.start(spec.name)),
        description: `Start '${spec.name}'.`,
        rollback: [{ argv: onHost(virsh.network.destroy(spec.name)), description: `Stop '${spec.name}'.` }],
      });
    }
    after = [...networks, networkFromSpec(spec)];
  } else if (!current) {
    problems.push(`${host.name} has no libvirt network named '${name}' (refresh if it was just created).`);
  } else {
    xmlBefore = input.currentXml ? normalizeXml(input.currentXml) : null;
    if (!xmlBefore) problems.push(`The XML of network '${name}' could not be read.`);
    const rollbackDefine = (): NetworkCall[] =>
      xmlBefore
        ? [
            {
              argv: onHost(virsh.network.define(STDIN)),
              stdin: xmlBefore,
              description: `Put back the previous definition of '${name}'.`,
            },
          ]
        : [];
    if (change.op === 'stop') {
      xmlAfter = xmlBefore;
      if (!current.active) problems.push(`Network '${name}' is already stopped.`);
      vmsCutOff = users.running;
      summary = `Stop network '${name}'.`;
      steps.push({
        argv: onHost(virsh.network.destroy(name)),
        description: `Stop '${name}' (its bridge and DHCP go away).`,
        rollback: [{ argv: onHost(virsh.network.start(name)), description: `Start '${name}' again.` }],
      });
      if (users.running.length)
        notes.push(
          `Running VMs lose their link on '${name}' until it is started again and their NICs are re-attached (libvirt does not re-attach them on its own).`,
        );
      after = networks.map((n) => (n.name === name ? { ...n, active: false } : n));
    } else if (change.op === 'delete') {
      xmlAfter = null;
      summary = `Delete network '${name}'${current.active ? ' (stopping it first)' : ''}.`;
      if (users.all.length) {
        problems.push(
          `VMs use network '${name}': ${users.all.map((v) => (users.running.includes(v) ? `${v} (running)` : v)).join(', ')}. ` +
            `Delete them or move their NICs to another network first; a VM whose network is gone cannot start.`,
        );
      }
      if (current.active) {
        steps.push({
          argv: onHost(virsh.network.destroy(name)),
          description: `Stop '${name}'.`,
          rollback: [{ argv: onHost(virsh.network.start(name)), description: `Start '${name}' again.` }],
        });
      }
      if (current.persistent) {
        steps.push({
          argv: onHost(virsh.network.undefine(name)),
          description: `Remove the definition of '${name}'.`,
          rollback: [
            ...rollbackDefine(),
            ...(current.autostart
              ? [{ argv: onHost(virsh.network.autostart(name)), description: `Turn autostart on again.` }]
              : []),
          ],
        });
      }
      if (name === 'maas')
        notes.push("Without 'maas', VMs composed without constraints on a manually installed host land on 'default'.");
      after = networks.filter((n) => n.name !== name);
    } else {
      // edit
      const before = xmlBefore ? parseNetworkXml(xmlBefore) : undefined;
      const ip4 = before?.ips.find((i) => i.family === 'ipv4');
      const net = ip4 ? parseCidr(`${ip4.address}/${ip4.prefixLen}`) : null;
      const hadDhcp = !!ip4?.dhcp;
      const existingHosts = ip4?.dhcp?.hosts ?? [];
      const parts: string[] = [];
      if (change.dhcp && net) problems.push(...checkRange(change.dhcp, net));
      const removed = change.removeHosts.map((h) => ({
        h,
        match: existingHosts.find((e) => e.ip === h.ip && (h.mac === undefined || e.mac === h.mac.toLowerCase())),
      }));
      for (const r of removed)
        if (!r.match)
          problems.push(`Network '${name}' has no static host entry for ${r.h.ip}${r.h.mac ? ` (${r.h.mac})` : ''}.`);
      const kept = existingHosts.filter((e) => !removed.some((r) => r.match === e));
      const added: typeof kept = [];
      for (const h of change.addHosts) {
        problems.push(...checkHostEntry(h, net, [...kept, ...added]));
        added.push({ ip: h.ip, ...(h.mac ? { mac: h.mac.toLowerCase() } : {}), ...(h.name ? { name: h.name } : {}) });
      }
      if (
        (change.addHosts.length > 0 || change.removeHosts.length > 0) &&
        (change.dhcp === null || (!hadDhcp && change.dhcp === undefined))
      ) {
        problems.push('Static host entries need DHCP on: turn DHCP on in the same change.');
      }
      let edited = xmlBefore;
      if (xmlBefore) {
        const e = editNetworkXml(xmlBefore, {
          ...(change.dhcp !== undefined ? { dhcp: change.dhcp } : {}),
          addHosts: change.addHosts,
          removeHosts: removed.flatMap((r) => (r.match ? [r.match] : [])),
        });
        if (e.ok) edited = e.xml;
        else problems.push(e.error);
      }
      xmlAfter = edited ? normalizeXml(edited) : null;
      const afterDef = xmlAfter ? parseNetworkXml(xmlAfter) : undefined;
      const afterIp4 = afterDef?.ips.find((i) => i.family === 'ipv4');
      const hasDhcp = !!afterIp4?.dhcp;
      const update = (command: 'add' | 'delete', section: 'ip-dhcp-range' | 'ip-dhcp-host', xml: string): string[] =>
        onHost(virsh.network.update(name, { command, section, xml, live: current.active, config: current.persistent }));
      if (change.dhcp !== undefined && hadDhcp !== hasDhcp) {
        parts.push(hasDhcp ? `turn DHCP on (${change.dhcp?.start}–${change.dhcp?.end})` : 'turn DHCP off');
        if (name === 'maas' && hasDhcp)
          notes.push(
            "MAAS expects DHCP off on 'maas': it serves DHCP and PXE there itself, and two DHCP servers on one segment hand out conflicting addresses.",
          );
        // libvirt cannot add or remove a network's whole <dhcp> live: redefine, and restart an active network.
        if (current.active) {
          restart = true;
          vmsCutOff = users.running;
          steps.push({
            argv: onHost(virsh.network.destroy(name)),
            description: `Stop '${name}' for the change.`,
            rollback: [{ argv: onHost(virsh.network.start(name)), description: `Start '${name}' again.` }],
          });
        }
        steps.push({
          argv: onHost(virsh.network.define(STDIN, { validate: true })),
          stdin: xmlAfter ?? '',
          description: `Define '${name}' with the XML after the change.`,
          rollback: rollbackDefine(),
        });
        if (current.active) {
          steps.push({
            argv: onHost(virsh.network.start(name)),
            description: `Start '${name}' with the change.`,
            rollback: [],
          });
          const bridge = before?.bridge;
          for (const vm of snapshot.libvirt?.domains ?? []) {
            if (!users.running.includes(vm.name)) continue;
            for (const nic of vm.nics) {
              if (nic.type !== 'network' || nic.source !== name || !nic.target || !bridge) continue;
              steps.push({
                argv: ['ip', 'link', 'set', 'dev', nic.target, 'master', bridge],
                description: `Re-attach ${vm.name}'s NIC ${nic.target} to ${bridge} (libvirt does not do it after a restart).`,
                rollback: [],
              });
            }
          }
          notes.push(
            `Turning DHCP ${hasDhcp ? 'on' : 'off'} restarts '${name}': its bridge goes down for a moment${users.running.length ? `, and running VMs on it lose their link until LabDeck re-attaches their NICs: ${users.running.join(', ')}` : ''}. Guests keep their current leases until they renew.`,
          );
        }
      } else {
        // DHCP stays on (or off): ranges and host entries change live with net-update, no restart.
        if (change.dhcp && hasDhcp) {
          const oldRanges = ip4?.dhcp?.ranges ?? [];
          const same =
            oldRanges.length === 1 &&
            oldRanges[0]?.start === change.dhcp.start &&
            oldRanges[0]?.end === change.dhcp.end;
          if (!same) {
            parts.push(`set the DHCP range to ${change.dhcp.start}–${change.dhcp.end}`);
            for (const r of oldRanges) {
              const x = dhcpElementXml('range', { start: r.start, end: r.end });
              steps.push({
                argv: update('delete', 'ip-dhcp-range', x),
                description: `Remove DHCP range ${r.start}–${r.end}.`,
                rollback: [
                  { argv: update('add', 'ip-dhcp-range', x), description: `Put range ${r.start}–${r.end} back.` },
                ],
              });
            }
            const x = dhcpElementXml('range', { start: change.dhcp.start, end: change.dhcp.end });
            steps.push({
              argv: update('add', 'ip-dhcp-range', x),
              description: `Add DHCP range ${change.dhcp.start}–${change.dhcp.end}.`,
              rollback: [{ argv: update('delete', 'ip-dhcp-range', x), description: `Remove the new range.` }],
            });
          }
        }
        for (const r of removed) {
          if (!r.match) continue;
          const x = dhcpElementXml('host', { mac: r.match.mac, name: r.match.name, ip: r.match.ip });
          parts.push(`remove the static entry for ${r.match.ip}`);
          steps.push({
            argv: update('delete', 'ip-dhcp-host', x),
            description: `Remove the static host entry ${r.match.ip}${r.match.mac ? ` (${r.match.mac})` : ''}.`,
            rollback: [
              { argv: update('add', 'ip-dhcp-host', x), description: `Put the entry for ${r.match.ip} back.` },
            ],
          });
        }
        for (const h of added) {
          const x = dhcpElementXml('host', { mac: h.mac, name: h.name, ip: h.ip });
          parts.push(`reserve ${h.ip} for ${h.mac ?? '?'}`);
          steps.push({
            argv: update('add', 'ip-dhcp-host', x),
            description: `Reserve ${h.ip} for ${h.mac ?? '?'}${h.name ? ` (${h.name})` : ''}.`,
            rollback: [
              { argv: update('delete', 'ip-dhcp-host', x), description: `Remove the reservation of ${h.ip}.` },
            ],
          });
        }
        if (steps.length && current.active)
          notes.push(
            `No restart: libvirt changes the DHCP settings of '${name}' live (it reloads dnsmasq); VMs keep their link.`,
          );
      }
      if (change.autostart !== undefined && change.autostart !== current.autostart) {
        parts.push(`turn autostart ${change.autostart ? 'on' : 'off'}`);
        const on = onHost(virsh.network.autostart(name));
        const off = onHost(virsh.network.autostart(name, { disable: true }));
        steps.push({
          argv: change.autostart ? on : off,
          description: change.autostart
            ? `Start '${name}' whenever the host boots.`
            : `Do not start '${name}' when the host boots.`,
          rollback: [{ argv: change.autostart ? off : on, description: 'Put autostart back.' }],
        });
      }
      if (steps.length === 0 && problems.length === 0)
        problems.push('Nothing to change: the network already looks like this.');
      summary = parts.length ? `In network '${name}': ${parts.join('; ')}.` : `Edit network '${name}'.`;
      if (afterDef)
        after = networks.map((n) =>
          n.name === name ? { ...n, ips: afterDef.ips, autostart: change.autostart ?? n.autostart } : n,
        );
    }
  }

  const plan: NetworkChangePlan = {
    hostId: host.id,
    hostName: host.name,
    network: name,
    op: change.op,
    summary,
    problems,
    xmlBefore,
    xmlAfter,
    diff: diffLines(xmlBefore, xmlAfter),
    commands: steps.map((s) => ({
      description: s.description,
      command: quoteArgv(s.argv),
      ...(s.stdin !== undefined ? { stdin: s.stdin } : {}),
      rollback: s.rollback.length ? s.rollback.map((r) => quoteArgv(r.argv)).join(' && ') : null,
    })),
    restart,
    vmsCutOff,
    vmsUsing: users.all,
    composeEffects: snapshot.libvirt ? composeEffects(snapshot, after, input.marks, host.pod ?? {}) : [],
    notes,
    snapshotTakenAt: snapshot.takenAt,
  };
  return { plan, steps };
}

function kindWords(spec: NetworkSpecParsed): string {
  switch (spec.kind) {
    case 'nat':
      return `a NAT${spec.dhcp ? '' : ' (no DHCP)'}`;
    case 'route':
      return 'a routed';
    case 'isolated':
      return 'an isolated';
    case 'bridge':
      return `a bridged (${spec.bridge ?? '?'})`;
    case 'macvtap':
      return `a macvtap (${spec.macvtapMode ?? '?'} on ${spec.devices.join(', ')})`;
  }
}

/** The network as the snapshot will show it once created (for the compose-plan effect). */
export function networkFromSpec(spec: NetworkSpecParsed): LibvirtNetwork {
  const cidr = spec.ipv4 ? parseCidr(spec.ipv4) : null;
  const routed = spec.kind === 'nat' || spec.kind === 'route' || spec.kind === 'isolated';
  return {
    name: spec.name,
    uuid: '',
    active: spec.start,
    autostart: spec.autostart,
    persistent: true,
    forwardMode: spec.kind === 'macvtap' ? (spec.macvtapMode ?? 'bridge') : spec.kind,
    ...(spec.kind === 'bridge' && spec.bridge ? { bridge: spec.bridge } : {}),
    forwardDevs: spec.kind === 'macvtap' ? spec.devices : [],
    ips:
      routed && cidr && cidr.family === 4
        ? [
            {
              family: 'ipv4',
              address: formatIp({ family: 4, value: cidr.address }),
              prefixLen: cidr.prefix,
              dhcp: spec.dhcp ? { ranges: [spec.dhcp], hosts: [] } : null,
            },
          ]
        : [],
    dnsEnabled: routed,
    leases: [],
  };
}
