import type { HostFacts } from '../contract/host';
import { activeStates } from './parse-domstate';
import type { HostSnapshot } from './types';

/**
 * The inventory's headline facts. libvirt's view wins where both exist; the OS's (`system`) fills in
 * for machines without libvirt. memoryUsedKiB is memory given to live guests, not the host's usage;
 * hostMemoryUsedKiB is the host's real use (MemTotal − MemAvailable).
 */
export function factsFromSnapshot(s: HostSnapshot): HostFacts {
  const lv = s.libvirt;
  const domains = lv?.domains ?? [];
  const networks = lv?.networks ?? [];
  const live = domains.filter((d) => activeStates.has(d.state));
  const facts: HostFacts = {
    hostname: s.hostname,
    cpus: lv?.node?.cpus ?? s.system.cpus ?? 0,
    memoryKiB: lv?.node?.memoryKiB ?? s.system.memoryKiB ?? 0,
    domainsTotal: domains.length,
    domainsRunning: domains.filter((d) => d.state === 'running' || d.state === 'idle').length,
    networksTotal: networks.length,
    networksActive: networks.filter((n) => n.active).length,
  };
  // nodeinfo's "CPU model" is only the arch; /proc/cpuinfo has the name people recognise.
  const cpuModel = s.system.cpuModel ?? lv?.node?.cpuModel;
  const arch = lv?.arch ?? s.system.arch;
  if (cpuModel) facts.cpuModel = cpuModel;
  if (arch) facts.arch = arch;
  if (lv?.libvirtVersion) facts.libvirtVersion = lv.libvirtVersion;
  if (lv?.hypervisor) facts.hypervisor = `${lv.hypervisor.name} ${lv.hypervisor.version}`;
  if (lv && !lv.error) facts.memoryUsedKiB = live.reduce((sum, d) => sum + d.currentMemoryKiB, 0);
  const { memoryKiB: total, memoryAvailableKiB: available } = s.system;
  if (total !== undefined && available !== undefined) facts.hostMemoryUsedKiB = Math.max(0, total - available);
  return facts;
}
