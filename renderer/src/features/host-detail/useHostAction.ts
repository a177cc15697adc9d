import { useCallback } from 'react';
import type { domainActions, networkActions } from '../../../../shared/contract/channels';
import { useCommands } from '../../api';
import { useLabStore } from '../../store';

export type DomainAction = (typeof domainActions)[number];
export type NetworkAction = (typeof networkActions)[number];

/**
 * Runs VM and network actions; each answer carries the fresh snapshot, which replaces ours at once.
 * Resolves with the commands run; rejects with the ClientError (command and stderr included).
 */
export function useHostAction(hostId: string) {
  const commands = useCommands();
  const put = useLabStore((s) => s.putHostSnapshot);
  const domain = useCallback(
    async (name: string, action: DomainAction, deleteVolumes = false): Promise<string[]> => {
      const r = await commands.vms.action({ hostId, domain: name, action, deleteVolumes });
      if (r.snapshot) put(hostId, { snapshot: r.snapshot });
      return r.commands;
    },
    [commands, hostId, put],
  );
  const network = useCallback(
    async (name: string, action: NetworkAction): Promise<string[]> => {
      const r = await commands.networks.action({ hostId, network: name, action });
      if (r.snapshot) put(hostId, { snapshot: r.snapshot });
      return r.commands;
    },
    [commands, hostId, put],
  );
  const removeReservation = useCallback(
    async (network: string, entry: { ip: string; mac?: string; name?: string }): Promise<string[]> => {
      const r = await commands.networks.removeReservation({ hostId, network, ...entry });
      if (r.snapshot) put(hostId, { snapshot: r.snapshot });
      return r.commands;
    },
    [commands, hostId, put],
  );
  return { domain, network, removeReservation };
}
