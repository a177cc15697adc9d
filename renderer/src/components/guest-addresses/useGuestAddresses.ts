import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import type { GuestAddresses } from '../../../../shared/contract/guests';
import { errorShapeOf, useCommands } from '../../api';

export type AddressWait =
  /** `round` counts the waits (keepWaiting starts a new one): a new round restarts the elapsed time. */
  | { phase: 'waiting'; round: number }
  | { phase: 'done'; result: GuestAddresses }
  | { phase: 'timedOut'; result: GuestAddresses }
  | { phase: 'error'; error: AppErrorShape };

/**
 * Asks the engine for a VM's addresses with `domains.addresses`, waiting up to waitMs for one to
 * appear (the engine polls lease, ARP and agent about once a second). keepWaiting() waits again.
 * An answer arriving after unmount, or for an older request, is dropped.
 */
export function useGuestAddresses(
  hostId: string | undefined,
  domain: string | undefined,
  o: { waitMs: number; enabled?: boolean },
) {
  const commands = useCommands();
  const enabled = (o.enabled ?? true) && !!hostId && !!domain;
  const [round, setRound] = useState(0);
  const key = `${hostId ?? ''}|${domain ?? ''}|${o.waitMs}|${round}`;
  const [answer, setAnswer] = useState<{ key: string; wait: AddressWait } | null>(null);

  useEffect(() => {
    if (!enabled || !hostId || !domain) return;
    let live = true;
    commands.vms.addresses({ hostId, domain, waitMs: o.waitMs }).then(
      (result) => {
        if (live) setAnswer({ key, wait: { phase: result.timedOut ? 'timedOut' : 'done', result } });
      },
      (err: unknown) => {
        if (live) setAnswer({ key, wait: { phase: 'error', error: errorShapeOf(err) } });
      },
    );
    return () => {
      live = false;
    };
  }, [commands, enabled, hostId, domain, o.waitMs, key]);

  const keepWaiting = useCallback(() => setRound((r) => r + 1), []);
  const wait: AddressWait | null = !enabled ? null : answer?.key === key ? answer.wait : { phase: 'waiting', round };
  return { wait, keepWaiting };
}
