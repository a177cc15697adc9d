import { useEffect, useState } from 'react';
import type { AppErrorShape, ClientSshKey } from '../../../../shared/contract';
import { errorShapeOf, useClient } from '../../api';

/** The public keys of the user running LabDeck (~/.ssh/*.pub and the agent's), read once per mount. */
export function useClientSshKeys() {
  const client = useClient();
  const [state, setState] = useState<{ keys: ClientSshKey[] | null; error: AppErrorShape | null }>({ keys: null, error: null });
  useEffect(() => {
    let live = true;
    client
      .invoke('client.sshKeys')
      .then((keys) => live && setState({ keys, error: null }))
      .catch((err: unknown) => live && setState({ keys: null, error: errorShapeOf(err) }));
    return () => {
      live = false;
    };
  }, [client]);
  return { ...state, loading: state.keys === null && state.error === null };
}
