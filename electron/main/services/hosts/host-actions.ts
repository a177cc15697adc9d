import { AppError, type HostConfig } from '../../../../shared/contract';
import type { domainActions, networkActions } from '../../../../shared/contract/channels';
import { ownedDisks } from '../../../../shared/compose/owned-volumes';
import { reservationRemovalArgs, vmReservations } from '../../../../shared/compose/dhcp-reservations';
import { quoteArgv } from '../../../../shared/remote/shell-quote';
import { parseDomState } from '../../../../shared/snapshot/parse-domstate';
import { hostReadOnlyReason } from '../../../../shared/snapshot/read-only';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { virsh, virshArgv } from '../../../../shared/virsh';
import type { RemoteRunner } from '../remote/remote-runner';
import { confirmDomainState } from './action-readback';
import type { HostService } from './host-service';

type DomainAction = (typeof domainActions)[number];
type NetworkAction = (typeof networkActions)[number];

/**
 * virsh argv for each VM action, the name always behind `--domain` (a libvirt name may begin with
 * `-`; positionally virsh would read it as an option); delete stops the VM first so undefine cannot fail on a running guest.
 * With volumes, only the targets named in `ownedTargets` go (`--storage`), never shared install media.
 * After undefine, the VM's DHCP reservations (`removeReservations`, net-update delete) go too.
 */
export function domainActionArgv(
  action: DomainAction,
  name: string,
  running: boolean,
  deleteVolumes: boolean,
  ownedTargets: readonly string[] = [],
  removeReservations: readonly string[][] = [],
): string[][] {
  switch (action) {
    case 'start':
      return [virsh.domain.start(name)];
    case 'resume':
      return [virsh.domain.resume(name)];
    case 'shutdown':
      return [virsh.domain.shutdown(name)];
    case 'reboot':
      return [virsh.domain.reboot(name)];
    case 'destroy':
      return [virsh.domain.destroy(name)];
    case 'delete':
      return [
        ...(running ? [virsh.domain.destroy(name)] : []),
        virsh.domain.undefine(name, {
          managedSave: true,
          snapshotsMetadata: true,
          nvram: true,
          ...(deleteVolumes ? { storage: ownedTargets } : {}),
        }),
        ...removeReservations,
      ];
  }
}

export function networkActionArgv(action: NetworkAction, name: string): string[] {
  switch (action) {
    case 'start':
      return virsh.network.start(name);
    case 'stop':
      return virsh.network.destroy(name);
    case 'autostart-on':
      return virsh.network.autostart(name);
    case 'autostart-off':
      return virsh.network.autostart(name, { disable: true });
  }
}

/** Power and lifecycle actions on a pod's VMs and networks; each ends with a fresh snapshot. */
export class HostActions {
  constructor(
    private readonly hosts: HostService,
    private readonly runner: RemoteRunner,
  ) {}

  private async pod(hostId: string): Promise<{ host: HostConfig; snapshot: HostSnapshot }> {
    const host = this.hosts.configs().find((h) => h.id === hostId);
    if (!host) throw new AppError({ kind: 'notFound', message: `No host with id ${hostId}.` });
    const snapshot = this.hosts.latestSnapshot(hostId) ?? (await this.hosts.refresh(hostId, { interactive: true }));
    if (!snapshot.libvirt || snapshot.libvirt.error) {
      throw new AppError({
        kind: 'noLibvirt',
        message: `${host.name} has no usable libvirt: ${snapshot.libvirt?.error?.message ?? 'virsh is not installed'}.`,
      });
    }
    // Refused before anything runs: a change here would not stick (test driver) or libvirt refuses it.
    const readOnly = hostReadOnlyReason(host.libvirtUri, snapshot);
    if (readOnly)
      throw new AppError({
        kind: 'validation',
        message: `${host.name} is read-only; nothing was changed. ${readOnly}`,
      });
    return { host, snapshot };
  }

  private async runAll(host: HostConfig, steps: string[][]): Promise<string[]> {
    const done: string[] = [];
    for (const args of steps) {
      const argv = virshArgv(host.libvirtUri, args);
      await this.runner.run(host, argv, { timeoutMs: 120_000 });
      done.push(quoteArgv(argv));
    }
    return done;
  }

  private async after(hostId: string): Promise<HostSnapshot | null> {
    return this.hosts.refresh(hostId, { interactive: true }).catch(() => null);
  }

  async domain(hostId: string, domain: string, action: DomainAction, deleteVolumes: boolean) {
    const { host, snapshot } = await this.pod(hostId);
    const dom = snapshot.libvirt!.domains.find((d) => d.name === domain);
    if (!dom)
      throw new AppError({
        kind: 'notFound',
        message: `${host.name} has no VM named "${domain}" (refresh if it was just created).`,
      });
    const owned = ownedDisks(dom).map((d) => d.target ?? '');
    // compose's ip= reservations are the VM's own: they leave with it (the delete dialog lists them).
    const reservations =
      action === 'delete'
        ? vmReservations(dom, snapshot.libvirt!.networks)
            .map(reservationRemovalArgs)
            .filter((a): a is string[] => a !== null)
        : [];
    const commands = await this.runAll(
      host,
      domainActionArgv(
        action,
        domain,
        dom.state === 'running' || dom.state === 'paused',
        deleteVolumes,
        owned,
        reservations,
      ),
    );
    // Never report success without reading the result: the VM's state, read back.
    const readState = async () =>
      parseDomState(await this.runner.virsh(host, virsh.domain.domstate(domain), { timeoutMs: 30_000 }));
    await confirmDomainState(host.name, domain, action, { readState }).catch(async (err: unknown) => {
      await this.after(hostId);
      throw err;
    });
    return { commands, snapshot: await this.after(hostId) };
  }

  async network(hostId: string, network: string, action: NetworkAction) {
    const { host, snapshot } = await this.pod(hostId);
    if (!snapshot.libvirt!.networks.some((n) => n.name === network)) {
      throw new AppError({ kind: 'notFound', message: `${host.name} has no libvirt network named "${network}".` });
    }
    const commands = await this.runAll(host, [networkActionArgv(action, network)]);
    return { commands, snapshot: await this.after(hostId) };
  }
}
