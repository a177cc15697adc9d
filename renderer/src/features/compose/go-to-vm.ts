import { useLabStore } from '../../store';
import { useComposeStore } from './compose-store';

/** Leaves the wizard for the pod the VM was composed on: its host screen, on the VMs tab. */
export function goToVm(hostId: string): void {
  useComposeStore.getState().leave();
  useLabStore.getState().openHostDetail(hostId, 'vms');
}
