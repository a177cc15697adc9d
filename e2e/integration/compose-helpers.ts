import type { HostConfig } from '../../shared/contract';
import type { Core } from '../../electron/main/core';

/** Every VM and volume the compose tests make starts with this, so clean-up can find them all. */
export const IT_PREFIX = 'it-compose-';

/** A distinctive, unique VM name for one test. */
export const itName = (tag: string): string =>
  `${IT_PREFIX}${tag}-${process.pid.toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

export function labHostConfig(core: Core, name = 'labhost1'): HostConfig {
  const h = core.hosts.configs().find((x) => x.name === name);
  if (!h) throw new Error(`${name} is not in this core's inventory`);
  return h;
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

/**
 * Removes everything named it-compose-* (VMs, their volumes) and the DHCP reservations of the
 * given addresses, whatever state a failed test left them in.
 */
export async function cleanupComposeLeftovers(core: Core, host: HostConfig, ips: readonly string[]): Promise<void> {
  for (const name of (await domainNames(core, host)).filter((n) => n.startsWith(IT_PREFIX))) {
    await virshMaybe(core, host, 'destroy', '--domain', name);
    await virshMaybe(core, host, 'undefine', '--domain', name, '--nvram');
  }
  for (const vol of (await volumeNames(core, host)).filter((n) => n.startsWith(IT_PREFIX))) {
    await virshMaybe(core, host, 'vol-delete', '--vol', vol, '--pool', 'default');
  }
  for (const entry of await dhcpHostEntries(core, host)) {
    if (!ips.some((ip) => entry.includes(`ip='${ip}'`) || entry.includes(`ip="${ip}"`))) continue;
    await virshMaybe(
      core,
      host,
      'net-update',
      '--network',
      'default',
      '--command',
      'delete',
      '--section',
      'ip-dhcp-host',
      '--xml',
      entry,
      '--live',
      '--config',
    );
  }
}
