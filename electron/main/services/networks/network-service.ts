import { AppError, type HostConfig } from '../../../../shared/contract';
import {
  NetworkApplyRequest,
  NetworkPlanRequest,
  RemoveReservationRequest,
  type NetworkApplyResult,
  type NetworkChangePlan,
} from '../../../../shared/contract/networks';
import { findReservation } from '../../../../shared/networks/reservations';
import { parseNetworkXml } from '../../../../shared/snapshot/parse-network-xml';
import { planNetworkChange, type NetworkCall, type PlannedNetworkChange } from '../../../../shared/networks/plan';
import { quoteArgv } from '../../../../shared/remote/shell-quote';
import { virsh } from '../../../../shared/virsh';
import type { HostService } from '../hosts/host-service';
import type { KeyedLock } from '../jobs/keyed-lock';
import { commandError, type RemoteRunner } from '../remote/remote-runner';
import { hostReadOnlyReason } from '../../../../shared/snapshot/read-only';

/**
 * Creating, editing, stopping and deleting libvirt networks: plan() shows exactly what apply()
 * will run; apply() re-plans on a fresh snapshot under the host's lock, refuses while the plan has
 * problems or would cut off a running VM the user did not accept, and undoes the steps that ran
 * when one fails.
 */
export class NetworkService {
  constructor(
    private readonly deps: { hosts: HostService; runner: RemoteRunner; lock: KeyedLock; stepTimeoutMs?: number },
  ) {}

  private host(id: string): HostConfig {
    const h = this.deps.hosts.configs().find((x) => x.id === id);
    if (!h) throw new AppError({ kind: 'notFound', message: `No host with id ${id} in the inventory.` });
    return h;
  }

  private async build(
    host: HostConfig,
    req: ReturnType<typeof NetworkPlanRequest.parse>,
  ): Promise<PlannedNetworkChange> {
    const snapshot = await this.deps.hosts.refresh(host.id, { interactive: true });
    if (!snapshot.libvirt || snapshot.libvirt.error) {
      throw new AppError({
        kind: 'noLibvirt',
        message: `${host.name} has no usable libvirt: ${snapshot.libvirt?.error?.message ?? 'virsh is not installed'}.`,
      });
    }
    const readOnly = hostReadOnlyReason(host.libvirtUri, snapshot);
    if (readOnly)
      throw new AppError({
        kind: 'validation',
        message: `${host.name} is read-only; nothing was changed. ${readOnly}`,
      });
    const change = req.change;
    let currentXml: string | null = null;
    if (change.op !== 'create') {
      const net = snapshot.libvirt.networks.find((n) => n.name === change.network);
      if (net) {
        // The persistent definition is what net-define replaces; a transient network has only the live one.
        currentXml = await this.deps.runner.virsh(
          host,
          virsh.network.dumpxml(change.network, { inactive: net.persistent }),
          { timeoutMs: 30_000 },
        );
      }
    }
    return planNetworkChange({ host, snapshot, marks: this.deps.hosts.marks(host.id), change, currentXml });
  }

  async plan(input: NetworkPlanRequest): Promise<NetworkChangePlan> {
    const req = NetworkPlanRequest.parse(input);
    return (await this.build(this.host(req.hostId), req)).plan;
  }

  async apply(input: NetworkApplyRequest): Promise<NetworkApplyResult & { plan: NetworkChangePlan }> {
    const req = NetworkApplyRequest.parse(input);
    const host = this.host(req.hostId);
    const release = await this.deps.lock.acquire(host.id);
    try {
      const { plan, steps } = await this.build(host, req);
      if (plan.problems.length) {
        throw new AppError({
          kind: 'validation',
          message: `Nothing was changed on ${host.name}: ${plan.problems.join(' ')}`,
        });
      }
      const unaccepted = plan.vmsCutOff.filter((vm) => !req.acknowledgeVms.includes(vm));
      if (unaccepted.length) {
        throw new AppError({
          kind: 'validation',
          message: `Nothing was changed on ${host.name}: running VMs would lose their link on '${plan.network}': ${unaccepted.join(', ')}. Confirm with those VMs named to go ahead.`,
        });
      }
      const done: string[] = [];
      const undo: NetworkCall[][] = [];
      for (const step of steps) {
        try {
          await this.run(host, step);
        } catch (e) {
          const undone = await this.rollback(host, undo);
          if (e instanceof AppError) {
            throw new AppError({
              ...e.shape,
              message: `${e.shape.message} ${undone.failed.length ? `Could not undo: ${undone.failed.join('; ')}.` : done.length ? `Undone: ${undone.ran.join(' && ')}.` : 'Nothing had changed.'}`,
            });
          }
          throw e;
        }
        done.push(quoteArgv(step.argv));
        undo.push(step.rollback);
      }
      const snapshot = await this.deps.hosts.refresh(host.id, { interactive: true }).catch(() => null);
      return { commands: done, snapshot, plan };
    } finally {
      release();
    }
  }

  /**
   * Removes one static DHCP `<host>` entry: the edit plan's `net-update … delete ip-dhcp-host`, live
   * and persistent as the network is (no restart), then reads both definitions back. The entry
   * still being there is a failure, whatever virsh's exit status said.
   */
  async removeReservation(input: RemoveReservationRequest): Promise<NetworkApplyResult> {
    const req = RemoveReservationRequest.parse(input);
    const key = { ip: req.ip, ...(req.mac ? { mac: req.mac } : {}) };
    const { commands, snapshot } = await this.apply({
      hostId: req.hostId,
      change: { op: 'edit', network: req.network, removeHosts: [{ ...key, ...(req.name ? { name: req.name } : {}) }] },
    });
    const host = this.host(req.hostId);
    const what = `the reservation of ${req.ip}${req.mac ? ` (${req.mac})` : ''} in '${req.network}'`;
    const net = snapshot?.libvirt?.networks.find((n) => n.name === req.network);
    if (!net)
      throw new AppError({
        kind: 'remote',
        message: `Ran ${commands.join(' && ')} on ${host.name}, but could not read network '${req.network}' back to check ${what} is gone.`,
      });
    const stillLive = findReservation(net, key);
    const persistent = net.persistent
      ? parseNetworkXml(
          await this.deps.runner.virsh(host, virsh.network.dumpxml(req.network, { inactive: true }), {
            timeoutMs: 30_000,
          }),
        )
      : undefined;
    const stillSaved = persistent ? findReservation(persistent, key) : undefined;
    if (stillLive || stillSaved) {
      throw new AppError({
        kind: 'remote',
        message: `virsh reported success on ${host.name}, but ${what} is still in the ${stillLive && stillSaved ? 'running and the saved' : stillLive ? 'running' : 'saved'} definition.`,
        command: commands.join(' && '),
      });
    }
    return { commands, snapshot };
  }

  private async run(host: HostConfig, call: NetworkCall): Promise<void> {
    const r = await this.deps.runner.exec(host, call.argv, {
      timeoutMs: this.deps.stepTimeoutMs ?? 120_000,
      ...(call.stdin !== undefined
        ? { stdin: call.stdin, stdinNote: `network XML (${call.stdin.length} characters)` }
        : {}),
    });
    if (r.outcome !== 'ok') throw commandError(host, call.argv, r);
  }

  /** Runs the undo of every completed step, newest first; what could not be undone is listed. */
  private async rollback(host: HostConfig, undo: NetworkCall[][]): Promise<{ ran: string[]; failed: string[] }> {
    const ran: string[] = [];
    const failed: string[] = [];
    for (const calls of [...undo].reverse()) {
      for (const call of calls) {
        try {
          await this.run(host, call);
          ran.push(quoteArgv(call.argv));
        } catch (e) {
          failed.push(`${quoteArgv(call.argv)} (${e instanceof Error ? e.message : String(e)})`);
        }
      }
    }
    return { ran, failed };
  }
}
