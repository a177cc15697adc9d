import type { HostConfig } from '../../../../shared/contract';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { virsh, virshArgv, type VirshArgs } from '../../../../shared/virsh';
import { commandError, type RemoteRunner } from '../remote/remote-runner';

type Volume = { pool: string; name: string };

/** virsh says "failed to get domain/vol 'X'" when the name is free; anything else is a real error. */
export const NAME_IS_FREE = /failed to get|not found/i;

/** Name clashes visible in a snapshot (for the dry run; the real run asks the host again). */
export function snapshotConflicts(snapshot: HostSnapshot, name: string, volumes: readonly Volume[]): string[] {
  const out: string[] = [];
  const domains = snapshot.libvirt?.domains ?? [];
  if (domains.some((d) => d.name === name)) out.push(`A VM named '${name}' already exists on ${snapshot.hostname}.`);
  for (const v of volumes) {
    const pool = snapshot.libvirt?.pools.find((p) => p.name === v.pool);
    if (pool?.volumes.some((x) => x.name === v.name))
      out.push(`Volume '${v.name}' already exists in pool '${v.pool}'.`);
  }
  return out;
}

/**
 * The same clashes, asked of libvirt directly inside the per-host critical section: a snapshot may
 * predate another client's change. A lookup that succeeds means the name is taken.
 */
export async function liveConflicts(
  runner: RemoteRunner,
  host: HostConfig,
  name: string,
  volumes: readonly Volume[],
  signal: AbortSignal,
): Promise<string[]> {
  const exists = async (args: VirshArgs) => {
    const argv = virshArgv(host.libvirtUri, args);
    // An expected "no": the audit log records it as a probe, not as a failed command.
    const r = await runner.exec(host, argv, { signal, timeoutMs: 30_000, probe: NAME_IS_FREE });
    if (r.outcome === 'cancelled' || r.outcome === 'timeout') throw commandError(host, argv, r);
    if (r.outcome === 'ok') return true;
    if (NAME_IS_FREE.test(r.stderr)) return false;
    throw commandError(host, argv, r);
  };
  const out: string[] = [];
  if (await exists(virsh.domain.domuuid(name))) out.push(`A VM named '${name}' already exists on ${host.name}.`);
  for (const v of volumes) {
    if (await exists(virsh.volume.key({ pool: v.pool, vol: v.name })))
      out.push(`Volume '${v.name}' already exists in pool '${v.pool}'.`);
  }
  return out;
}
