import type { HostSnapshot } from '../snapshot/types';
import { nicAttachments, nicLabel } from './attachments';
import type { HostWarning } from './types';

const modeNote: Record<string, string> = {
  vepa: ' In vepa mode, VMs on the same NIC reach each other only if the switch port reflects traffic back.',
  passthrough: ' In passthrough mode the VM takes the whole NIC while it runs.',
  private: '',
  bridge: '',
};

/**
 * Macvtap's classic surprise: frames between a macvtap and its own parent's host stack are never
 * delivered, so the host and the VM cannot talk over it. One warning per macvtap NIC.
 */
export function macvtapIsolationWarnings(snapshot: Pick<HostSnapshot, 'libvirt'>): HostWarning[] {
  return nicAttachments(snapshot)
    .filter((a) => a.macvtapMode !== undefined)
    .map((a) => {
      const parent = a.hostInterfaces.join(' or ') || 'its host NIC';
      const via = a.network ? ` (through network ${a.network.name})` : '';
      const d = a.domain.name;
      return {
        code: 'macvtap-host-isolation',
        severity: 'warning',
        message:
          `${d}'s ${nicLabel(a)} is a macvtap on ${parent}${via}, ${a.macvtapMode} mode: this host and ${d} cannot reach each other over it ` +
          `(other machines on that network can). Attach the NIC to a bridge if the host must talk to the VM.${modeNote[a.macvtapMode ?? ''] ?? ''}`,
        subject: { kind: 'domain', name: d },
        related: [
          ...a.hostInterfaces.map((name) => ({ kind: 'interface' as const, name })),
          ...(a.network ? [{ kind: 'network' as const, name: a.network.name }] : []),
        ],
      };
    });
}
