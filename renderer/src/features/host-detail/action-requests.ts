import type { DhcpHost, Domain, LibvirtNetwork } from '../../../../shared/snapshot/types';
import type { ActionRequest } from './ConfirmActionDialog';
import type { DomainAction, NetworkAction } from './useHostAction';

type Run<A> = (name: string, action: A) => Promise<string[]>;

/** The confirm dialog's words for each VM action. Delete adds its own volume choice (DeleteVmDialog). */
export function domainRequest(
  d: Domain,
  action: Exclude<DomainAction, 'delete'>,
  host: string,
  run: Run<DomainAction>,
): ActionRequest {
  const base = { run: () => run(d.name, action) };
  switch (action) {
    case 'start':
      return {
        ...base,
        title: `Start ${d.name}?`,
        description: `Boots ${d.name} on ${host}.`,
        confirmLabel: 'Start',
        progress: `Starting ${d.name} on ${host}…`,
        done: `Started ${d.name}`,
      };
    case 'resume':
      return {
        ...base,
        title: `Resume ${d.name}?`,
        description: `Lets ${d.name}'s paused vCPUs run again on ${host}.`,
        confirmLabel: 'Resume',
        progress: `Resuming ${d.name} on ${host}…`,
        done: `Resumed ${d.name}`,
      };
    case 'shutdown':
      return {
        ...base,
        title: `Shut down ${d.name}?`,
        description: `Asks the guest's operating system to shut down (ACPI power button). A guest without an OS, or one that ignores ACPI, keeps running: use Force off then.`,
        confirmLabel: 'Shut down',
        progress: `Asking ${d.name} to shut down…`,
        done: `Asked ${d.name} to shut down; it stops when its OS is done`,
      };
    case 'reboot':
      return {
        ...base,
        title: `Reboot ${d.name}?`,
        description: `Asks the guest's operating system to restart. Unsaved work in the guest may be lost if it does not shut down cleanly.`,
        confirmLabel: 'Reboot',
        progress: `Asking ${d.name} to reboot…`,
        done: `Asked ${d.name} to reboot`,
      };
    case 'destroy':
      return {
        ...base,
        title: `Force off ${d.name}?`,
        description: `Cuts ${d.name}'s power at once, like pulling the plug: anything the guest has not written to disk is lost. Its definition and disks stay.`,
        confirmLabel: 'Force off',
        danger: true,
        progress: `Forcing ${d.name} off…`,
        done: `Forced ${d.name} off`,
      };
  }
}

export function networkRequest(
  n: LibvirtNetwork,
  action: NetworkAction,
  users: string[],
  run: Run<NetworkAction>,
): ActionRequest {
  const base = { run: () => run(n.name, action) };
  switch (action) {
    case 'start':
      return {
        ...base,
        title: `Start network ${n.name}?`,
        description: `libvirt brings up ${n.bridge ? `bridge ${n.bridge}` : 'the network'}${n.ips.some((ip) => ip.dhcp) ? ' and its DHCP server' : ''}, so VMs attached to ${n.name} get a link.`,
        confirmLabel: 'Start',
        progress: `Starting network ${n.name}…`,
        done: `Started network ${n.name}`,
      };
    case 'stop':
      return {
        ...base,
        title: `Stop network ${n.name}?`,
        description:
          users.length > 0
            ? `Running VMs on ${n.name} lose their link there until it is started again: ${users.join(', ')}.`
            : `No running VM uses ${n.name}. libvirt takes ${n.bridge ?? 'it'} down until the network is started again.`,
        confirmLabel: 'Stop',
        danger: users.length > 0,
        progress: `Stopping network ${n.name}…`,
        done: `Stopped network ${n.name}`,
      };
    case 'autostart-on':
      return {
        ...base,
        title: `Turn on autostart for ${n.name}?`,
        description: `libvirt will start ${n.name} whenever the host boots. Nothing changes right now.`,
        confirmLabel: 'Turn on',
        progress: `Turning on autostart for ${n.name}…`,
        done: `Autostart on for ${n.name}`,
      };
    case 'autostart-off':
      return {
        ...base,
        title: `Turn off autostart for ${n.name}?`,
        description: `After the host reboots, ${n.name} stays stopped until someone starts it. Nothing changes right now.`,
        confirmLabel: 'Turn off',
        progress: `Turning off autostart for ${n.name}…`,
        done: `Autostart off for ${n.name}`,
      };
  }
}

/** Removing one static DHCP `<host>` entry: names the entry and the VMs whose fixed address it is. */
export function reservationRequest(
  network: string,
  h: DhcpHost,
  users: string[],
  run: (network: string, h: DhcpHost) => Promise<string[]>,
): ActionRequest {
  const entry = `${h.ip}${h.mac ? ` for MAC ${h.mac}` : ''}${h.name ? ` (name ${h.name})` : ''}`;
  const who =
    users.length > 0
      ? `${users.length === 1 ? 'VM' : 'VMs'} ${users.join(', ')} ${users.length === 1 ? 'uses' : 'use'} this MAC: ${users.length === 1 ? 'it keeps its' : 'they keep their'} current lease until it runs out, then ${users.length === 1 ? 'gets' : 'get'} any free address from the DHCP range.`
      : 'No VM on this host uses this MAC.';
  return {
    run: () => run(network, h),
    title: `Remove reservation ${h.ip}?`,
    description: `Removes the DHCP reservation of ${entry} from network ${network}, both live and in its saved definition (no restart). ${who} The address is free for others afterwards.`,
    confirmLabel: 'Remove reservation',
    danger: users.length > 0,
    progress: `Removing the reservation of ${h.ip} from ${network}…`,
    done: `Removed the reservation of ${h.ip} from ${network}`,
  };
}
