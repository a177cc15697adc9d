import Alert from '@mui/material/Alert';
import { createContext, useContext } from 'react';

/**
 * Why this host takes no changes (libvirt's test driver, a read-only URI), for the host view's
 * action buttons; undefined when it does. The engine refuses such changes too: this only says so first.
 */
export const ReadOnlyContext = createContext<string | undefined>(undefined);

export const useReadOnly = (): string | undefined => useContext(ReadOnlyContext);

/** Said once, up front, above the tabs. */
export function ReadOnlyNotice({ reason }: { reason: string }) {
  return (
    <Alert severity="info" data-testid="read-only-notice">
      <strong>Read-only host:</strong> VM, network and compose actions are off. {reason}
    </Alert>
  );
}
