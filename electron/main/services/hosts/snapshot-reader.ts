import { AppError, type HostConfig } from '../../../../shared/contract';
import { parseSnapshotOutput } from '../../../../shared/snapshot/parse-snapshot';
import { SNAPSHOT_SCRIPT } from '../../../../shared/snapshot/snapshot-script';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { commandError, type RemoteRunner } from '../remote/remote-runner';

export const SNAPSHOT_TIMEOUT_MS = 60_000;

/** The whole picture of a host in one exec: one channel, one script on stdin, sections parsed in shared/. */
export async function readSnapshot(
  runner: RemoteRunner,
  host: HostConfig,
  o: { interactive: boolean; signal?: AbortSignal },
): Promise<HostSnapshot> {
  const argv = ['sh', '-s', '--', host.libvirtUri];
  const r = await runner.exec(host, argv, {
    stdin: SNAPSHOT_SCRIPT,
    stdinNote:
      'host snapshot script: hostname, ip -j -d addr, virsh version/nodeinfo/net-*/pool-*/vol-list/dumpxml/domstate/domifaddr',
    timeoutMs: SNAPSHOT_TIMEOUT_MS,
    interactive: o.interactive,
    signal: o.signal,
  });
  if (r.outcome !== 'ok') throw commandError(host, argv, r);
  try {
    return parseSnapshotOutput(r.stdout, new Date().toISOString());
  } catch (err) {
    throw new AppError({
      kind: 'remote',
      message: `${host.name}: the host's answer could not be read: ${(err as Error).message}`,
      command: argv.join(' '),
      stderr: r.stderr,
    });
  }
}
