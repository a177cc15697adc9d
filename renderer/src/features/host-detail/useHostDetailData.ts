import { useMemo } from 'react';
import { hostWarnings } from '../../../../shared/warnings';
import { useHostSnapshot } from '../../hooks/useHostSnapshot';

/**
 * A host's snapshot, marks and warnings for the detail screen, from the shared snapshot cache: read
 * again whenever a host.changed event says the host was read anew, whoever started that. Never
 * blocks: while a slow host answers, the last snapshot stays on screen.
 */
export function useHostDetailData(hostId: string) {
  const { snapshot, marks, loading, error } = useHostSnapshot(hostId);
  const warnings = useMemo(() => (snapshot ? hostWarnings(snapshot, marks) : []), [snapshot, marks]);
  return { snapshot, marks, warnings, loading, error };
}
