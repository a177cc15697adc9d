import { libvirtErrorHint, type HintContext } from './libvirt-error-hint';
import { parseDomainXml } from './parse-domain-xml';
import { activeStates, parseDomState } from './parse-domstate';
import { parseProcNetArp } from './parse-domifaddr';
import { parseDomIfAddr, parseDhcpLeases } from './parse-leases';
import { parseNetworkXml } from './parse-network-xml';
import { parseNodeinfo } from './parse-nodeinfo';
import { parsePoolXml } from './parse-pool-xml';
import { parseUuidList } from './parse-uuid-list';
import { parseVersion } from './parse-version';
import { parseVolList } from './parse-vol-list';
import { readOnlyReason } from './read-only';
import type { Section } from './sections';
import type { DhcpLease, Domain, LibvirtNetwork, LibvirtSnapshot, NicIp, StoragePool } from './types';
import { virshErrors, withoutErrors } from './virsh-text';

/** Looks sections up by name, and per-object ones by name + UUID. */
class SectionIndex {
  private readonly map = new Map<string, Section>();
  constructor(sections: Section[]) {
    // By name alone too, for sections whose argument isn't a UUID (`connect <rc>`).
    for (const s of sections) {
      for (const key of s.arg === undefined ? [s.name] : [`${s.name} ${s.arg}`, s.name]) {
        if (!this.map.has(key)) this.map.set(key, s);
      }
    }
  }
  get(name: string, uuid?: string): Section | undefined {
    return this.map.get(uuid === undefined ? name : `${name} ${uuid}`);
  }
  body(name: string, uuid?: string): string {
    return this.get(name, uuid)?.body ?? '';
  }
}

/** Drivers without DHCP lease support (the test driver) answer with this: not worth a warning. */
const unsupported = /not supported by the connection driver/;

/** Builds the libvirt part of a snapshot from the virsh sections; `warn` collects non-fatal problems. */
export function parseLibvirt(sections: Section[], who: HintContext, warn: (w: string) => void): LibvirtSnapshot {
  const idx = new SectionIndex(sections);
  const empty = { networks: [], pools: [], domains: [] };

  // virsh connects before running any command: without a `uri` section it never got that far.
  if (!idx.get('uri')) {
    const connect = idx.body('connect');
    const errors = virshErrors(connect);
    const message =
      errors.length > 0 ? errors.join(' — ') : withoutErrors(connect) || 'virsh could not connect to libvirt';
    const hint = libvirtErrorHint(message, who);
    return { error: hint ? { message, hint } : { message }, ...empty };
  }

  const list = (name: string): string[] => {
    const body = idx.body(name);
    for (const e of virshErrors(body)) warn(`virsh ${name}: ${e}`);
    return parseUuidList(body);
  };
  for (const s of sections.filter((x) => x.name === 'batch')) {
    // Output before a batch's first marker: virsh failed to connect for that batch.
    for (const e of virshErrors(s.body)) warn(`virsh batch ${s.arg ?? ''}: ${e}`);
  }

  const result: LibvirtSnapshot = { ...empty };
  const uri = withoutErrors(idx.body('uri'));
  if (uri) result.uri = uri;
  const readOnly = readOnlyReason(uri);
  if (readOnly) result.readOnly = { reason: readOnly };
  Object.assign(result, parseVersion(idx.body('version')));
  const node = parseNodeinfo(idx.body('nodeinfo'));
  if (node) {
    result.node = node;
    // nodeinfo's "CPU model" is uname's machine on Linux: the arch, without fetching `capabilities`.
    if (node.cpuModel) result.arch = node.cpuModel;
  } else {
    warn(`virsh nodeinfo: ${virshErrors(idx.body('nodeinfo')).join('; ') || 'no output'}`);
  }

  const objectWarning = (what: string, uuid: string, body: string): void =>
    warn(`${what} ${uuid}: ${virshErrors(body).join('; ') || 'unreadable XML'}`);

  const netActive = new Set(list('net-active'));
  const netAutostart = new Set(list('net-autostart'));
  const netPersistent = new Set(list('net-persistent'));
  for (const uuid of list('net-all')) {
    const def = parseNetworkXml(idx.body('net-xml', uuid));
    if (!def) {
      objectWarning('network', uuid, idx.body('net-xml', uuid));
      continue;
    }
    const leasesBody = idx.body('net-leases', uuid);
    const leaseErrors = virshErrors(leasesBody).filter((e) => !unsupported.test(e) && !/^Failed to get leases/.test(e));
    if (leaseErrors.length > 0) warn(`leases of network ${def.name}: ${leaseErrors.join('; ')}`);
    const net: LibvirtNetwork = {
      ...def,
      active: netActive.has(uuid),
      autostart: netAutostart.has(uuid),
      persistent: netPersistent.has(uuid),
      leases: parseDhcpLeases(leasesBody),
    };
    result.networks.push(net);
  }

  const poolActive = new Set(list('pool-active'));
  const poolAutostart = new Set(list('pool-autostart'));
  const poolPersistent = new Set(list('pool-persistent'));
  for (const uuid of list('pool-all')) {
    const def = parsePoolXml(idx.body('pool-xml', uuid));
    if (!def) {
      objectWarning('pool', uuid, idx.body('pool-xml', uuid));
      continue;
    }
    const volBody = idx.body('vol-list', uuid);
    for (const e of virshErrors(volBody)) warn(`volumes of pool ${def.name}: ${e}`);
    const pool: StoragePool = {
      ...def,
      active: poolActive.has(uuid),
      autostart: poolAutostart.has(uuid),
      persistent: poolPersistent.has(uuid),
      volumes: parseVolList(volBody),
    };
    result.pools.push(pool);
  }

  const leasesByMac = new Map<string, DhcpLease[]>();
  for (const lease of result.networks.flatMap((n) => n.leases)) {
    leasesByMac.set(lease.mac, [...(leasesByMac.get(lease.mac) ?? []), lease]);
  }
  // The host's ARP table: a guest the host has talked to lately, on any kind of NIC (not macvtap).
  const arp = parseProcNetArp(idx.body('arp'));
  for (const uuid of list('dom-all')) {
    const def = parseDomainXml(idx.body('dom-xml', uuid));
    if (!def) {
      objectWarning('domain', uuid, idx.body('dom-xml', uuid));
      continue;
    }
    const dom: Domain = { ...def, state: parseDomState(idx.body('dom-state', uuid)) };
    // A stopped guest's old lease may still be on file: only a live guest's addresses are current.
    if (activeStates.has(dom.state)) {
      const ifaddr = parseDomIfAddr(idx.body('dom-ifaddr', uuid));
      for (const nic of dom.nics) {
        if (!nic.mac) continue;
        const ips: NicIp[] = (leasesByMac.get(nic.mac) ?? []).map((l) => ({
          family: l.family,
          address: l.ip,
          ...(l.prefixLen !== undefined ? { prefixLen: l.prefixLen } : {}),
          origin: 'lease' as const,
        }));
        for (const r of ifaddr.filter((x) => x.mac === nic.mac)) {
          if (ips.some((ip) => ip.address === r.address)) continue;
          ips.push({
            family: r.family,
            address: r.address,
            ...(r.prefixLen !== undefined ? { prefixLen: r.prefixLen } : {}),
            origin: 'domifaddr',
          });
        }
        for (const a of arp.filter((x) => x.mac === nic.mac)) {
          if (!ips.some((ip) => ip.address === a.address))
            ips.push({ family: 'ipv4', address: a.address, origin: 'arp' });
        }
        nic.ips = ips;
      }
    }
    result.domains.push(dom);
  }
  return result;
}
