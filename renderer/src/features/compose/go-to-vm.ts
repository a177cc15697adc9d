import { useLabStore } from '../../store';

/** Leaves the wizard for the pod the VM was composed on: its host screen, on the VMs tab, that VM's row picked out. */
export function goToVm(hostId: string, domain: string | undefined): void {
  useLabStore.getState().openHostDetail(hostId, 'vms', domain);
}
