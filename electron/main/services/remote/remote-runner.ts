import { AppError, type HostConfig } from '../../../../shared/contract';
import { quoteArgv } from '../../../../shared/remote/shell-quote';
import { libvirtAccessHint, libvirtErrorMessage } from '../../../../shared/remote/virsh-error';
import { virshArgv, type VirshArgs } from '../../../../shared/virsh';
import type { ConnectionPool } from '../ssh/connection-pool';
import type { SshEndpoint } from '../ssh/endpoint';
import type { ExecOptions, ExecResult } from '../ssh/exec-channel';

export function endpointOf(h: Pick<HostConfig, 'address' | 'port' | 'user' | 'auth' | 'jump'>): SshEndpoint {
  return { address: h.address, port: h.port, user: h.user, auth: h.auth, jump: h.jump };
}

export type RunOptions = ExecOptions & { interactive?: boolean };

export type ReadOnlyRoute = (
  host: HostConfig,
  argv: readonly string[],
  o: RunOptions,
) => Promise<ExecResult> | undefined;

/**
 * Runs argv on a host and turns failures into typed errors that carry the command and its stderr.
 * Callers pass argv only; quoting happens in one place below this.
 */
export class RemoteRunner {
  private route?: ReadOnlyRoute;

  constructor(private readonly pool: ConnectionPool) {}

  /**
   * Read-only virsh queries may be answered by the host's resident session (LiveHosts): no exec
   * and no audit entry of their own. The route returns undefined for anything it does not take.
   */
  setReadOnlyRoute(route: ReadOnlyRoute | undefined): void {
    this.route = route;
  }

  /** Raw result, whatever the exit code. */
  exec(host: HostConfig, argv: readonly string[], o: RunOptions = {}): Promise<ExecResult> {
    const routed = this.route?.(host, argv, o);
    if (routed) return routed.catch(() => this.pool.exec(endpointOf(host), argv, { ...o, hostId: host.id }));
    return this.pool.exec(endpointOf(host), argv, { ...o, hostId: host.id });
  }

  /** stdout of a command that must succeed. */
  async run(host: HostConfig, argv: readonly string[], o: RunOptions = {}): Promise<string> {
    const r = await this.exec(host, argv, o);
    if (r.outcome === 'ok') return r.stdout;
    throw commandError(host, argv, r);
  }

  /** stdout of a virsh command (from shared/virsh's builders) that must succeed, on the host's own URI. */
  virsh(host: HostConfig, args: VirshArgs, o: RunOptions = {}): Promise<string> {
    return this.run(host, virshArgv(host.libvirtUri, args), o);
  }
}

export function commandError(
  host: Pick<HostConfig, 'name' | 'user'>,
  argv: readonly string[],
  r: ExecResult,
): AppError {
  const command = quoteArgv(argv);
  if (r.outcome === 'timeout') {
    return new AppError({
      kind: 'timeout',
      message: `${host.name}: the command took too long and was stopped.`,
      command,
      stderr: r.stderr,
    });
  }
  if (r.outcome === 'cancelled') {
    return new AppError({ kind: 'cancelled', message: `${host.name}: cancelled.`, command, stderr: r.stderr });
  }
  if (r.exitCode === null && r.signal === null) {
    // The channel closed without an exit status: the connection died mid-command.
    return new AppError({
      kind: 'connect',
      message: `${host.name}: the connection was lost before the command reported how it ended (it may or may not have run).`,
      command,
      stderr: r.stderr,
    });
  }
  const libvirt = libvirtErrorMessage(r.stderr);
  return new AppError({
    kind: 'remote',
    message: `${host.name}: ${libvirt ?? `command failed with exit code ${r.exitCode ?? r.signal ?? '?'}`}`,
    command,
    stderr: r.stderr,
    exitCode: r.exitCode,
    hint: libvirtAccessHint(r.stderr, host.user),
  });
}
