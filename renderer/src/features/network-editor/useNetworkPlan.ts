import { useEffect, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import type { NetworkChange, NetworkChangePlan } from '../../../../shared/contract/networks';
import { errorShapeOf, useCommands } from '../../api';

/** Plans the change on the host a moment after the form stops changing. */
export function useNetworkPlan(hostId: string, change: NetworkChange | null) {
  const commands = useCommands();
  // The answer for the change it was asked for: while the form differs from that, a plan is on its way.
  const [state, setState] = useState<{ key: string; plan: NetworkChangePlan | null; error: AppErrorShape | null }>({
    key: '',
    plan: null,
    error: null,
  });
  const key = JSON.stringify(change);
  useEffect(() => {
    if (!change) return;
    let live = true;
    const t = setTimeout(() => {
      commands.networks.plan({ hostId, change }).then(
        (plan) => live && setState({ key, plan, error: null }),
        (e: unknown) => live && setState({ key, plan: null, error: errorShapeOf(e) }),
      );
    }, 350);
    return () => {
      live = false;
      clearTimeout(t);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the change is compared by value (key)
  }, [commands, hostId, key]);
  return { plan: state.plan, error: state.error, loading: change !== null && state.key !== key };
}
