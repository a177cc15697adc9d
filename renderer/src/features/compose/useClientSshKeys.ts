import { useEffect, useState } from 'react';
import type { AppErrorShape, ClientSshKey } from '../../../../shared/contract';
import { errorShapeOf, useCommands } from '../../api';

/** The public keys of the user running LabDeck (~/.ssh/*.pub and the agent's), read once per mount. */
export function useClientSshKeys() {
  const commands = useCommands();
  const [state, setState] = useState<{ keys: ClientSshKey[] | null; error: AppErrorShape | null }>({
    keys: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    commands.compose
      .clientSshKeys()
      .then((keys) => live && setState({ keys, error: null }))
      .catch((err: unknown) => live && setState({ keys: null, error: errorShapeOf(err) }));
    return () => {
      live = false;
    };
  }, [commands]);
  return { ...state, loading: state.keys === null && state.error === null };
}
