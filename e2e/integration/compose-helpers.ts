import type { HostConfig } from '../../shared/contract';
import type { Core } from '../../electron/main/core';
import { virsh as virshArgs } from '../../shared/virsh';
import { hostInput, qemuHost, startCore, type TestCore } from './harness';

/** Every VM and volume the compose tests make starts with this, so clean-up can find them all. */
export const IT_PREFIX = 'it-compose-';

/** A distinctive, unique name for one test's VM or volume, starting with `prefix`. */
export const uniqueName = (prefix: string, tag: string): string =>
  `${prefix}${tag}-${process.pid.toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/** A distinctive, unique VM name for one compose test. */
export const itName = (tag: string): string => uniqueName(IT_PREFIX, tag);

export function labHostConfig(core: Core, name = 'labhost1'): HostConfig {
  const h = core.hosts.configs().find((x) => x.name === name);
  if (!h) throw new Error(`${name} is not in this core's inventory`);
  return h;
}

/** An engine with labhost1 (the KVM lab host) added, and its config. */
export async function coreWithLabhost(): Promise<{ core: TestCore; host: HostConfig }> {
  const core = await startCore();
  await core.hosts.add(hostInput(qemuHost()));
  return { core, host: labHostConfig(core) };
}

export const virsh = (core: Core, host: HostConfig, ...args: string[]): Promise<string> =>
  core.runner.run(host, ['virsh', '--connect', host.libvirtUri, ...args], { timeoutMs: 60_000 });

/** virsh that may fail: stdout, or null. */
export const virshMaybe = (core: Core, host: HostConfig, ...args: string[]): Promise<string | null> =>
  virsh(core, host, ...args).catch(() => null);

export async function domainNames(core: Core, host: HostConfig): Promise<string[]> {
  return (await virsh(core, host, 'list', '--all', '--name'))
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function volumeNames(core: Core, host: HostConfig, pool = 'default'): Promise<string[]> {
  const out = await virsh(core, host, 'vol-list', '--pool', pool);
  return out
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** `<host …/>` entries of a network's DHCP, as the raw element text. */
export async function dhcpHostEntries(core: Core, host: HostConfig, network = 'default'): Promise<string[]> {
  const xml = await virsh(core, host, 'net-dumpxml', '--network', network);
  return [...xml.matchAll(/<host\s[^>]*\/>/g)].map((m) => m[0]);
}

/** Adds or deletes a DHCP host entry (`<host mac=… ip=…/>`) of a network, live and in its saved definition. */
export const updateDhcpHost = (
  core: Core,
  host: HostConfig,
  command: 'add' | 'delete',
  xml: string,
  network = 'default',
): Promise<string> =>
  virsh(
    core,
    host,
    ...virshArgs.network.update(network, { command, section: 'ip-dhcp-host', xml, live: true, config: true }),
  );

/** Deletes a network's DHCP reservations of the given addresses, whatever holds them; none is fine. */
export async function dropDhcpReservations(
  core: Core,
  host: HostConfig,
  ips: readonly string[],
  network = 'default',
): Promise<void> {
  for (const entry of await dhcpHostEntries(core, host, network)) {
    if (!ips.some((ip) => entry.includes(`ip='${ip}'`) || entry.includes(`ip="${ip}"`))) continue;
    await updateDhcpHost(core, host, 'delete', entry, network).catch(() => null);
  }
}

/** Stops and undefines a VM (NVRAM too), whatever state it is in; gone already is fine. */
export async function removeVm(core: Core, host: HostConfig, name: string): Promise<void> {
  await virshMaybe(core, host, 'destroy', '--domain', name);
  await virshMaybe(core, host, 'undefine', '--domain', name, '--nvram');
}

/** Deletes volumes of the default pool; gone already is fine. */
export async function deleteVolumes(core: Core, host: HostConfig, volumes: readonly string[]): Promise<void> {
  for (const vol of volumes) await virshMaybe(core, host, 'vol-delete', '--vol', vol, '--pool', 'default');
}

/** Removes every VM and default-pool volume whose name starts with `prefix`. */
export async function removeNamed(core: Core, host: HostConfig, prefix: string): Promise<void> {
  for (const name of (await domainNames(core, host)).filter((n) => n.startsWith(prefix)))
    await removeVm(core, host, name);
  await deleteVolumes(
    core,
    host,
    (await volumeNames(core, host)).filter((n) => n.startsWith(prefix)),
  );
}

/**
 * Removes everything named it-compose-* (VMs, their volumes) and the DHCP reservations of the
 * given addresses, whatever state a failed test left them in.
 */
export async function cleanupComposeLeftovers(core: Core, host: HostConfig, ips: readonly string[]): Promise<void> {
  await removeNamed(core, host, IT_PREFIX);
  await dropDhcpReservations(core, host, ips);
}
