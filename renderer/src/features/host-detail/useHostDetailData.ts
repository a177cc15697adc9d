import { useEffect, useMemo, useState } from 'react';
import type { AppErrorShape } from '../../../../shared/contract';
import { emptyMarks } from '../../../../shared/compose/marks';
import { hostWarnings } from '../../../../shared/warnings';
import { errorShapeOf, useClient } from '../../api';
import { useLabStore } from '../../store';

// One object, so the memoised warnings do not recompute on every render of a host without marks.
const NO_MARKS = emptyMarks();

/**
 * A host's snapshot, marks and warnings for the detail screen. Reads the engine's last snapshot
 * (no new SSH run) whenever the host's `lastSeen` moves on, i.e. after every refresh, whoever
 * started it: that is how host.changed events become live updates here. Never blocks: while a
 * slow host answers, the last snapshot stays on screen.
 */
export function useHostDetailData(hostId: string) {
  const client = useClient();
  const entry = useLabStore((s) => s.hostSnapshots[hostId]);
  const lastSeen = useLabStore((s) => s.hostsById[hostId]?.lastSeen);
  const put = useLabStore((s) => s.putHostSnapshot);
  const [failure, setFailure] = useState<{ hostId: string; error: AppErrorShape } | null>(null);
  const current = !!entry?.snapshot && !!lastSeen && entry.snapshot.takenAt >= lastSeen;

  useEffect(() => {
    if (current) return;
    let live = true;
    client.invoke('hosts.snapshot', { id: hostId, refresh: false }).then(
      (r) => {
        put(hostId, { snapshot: r.snapshot, marks: r.marks });
        if (live) setFailure(null);
      },
      (err: unknown) => live && setFailure({ hostId, error: errorShapeOf(err) }),
    );
    return () => {
      live = false;
    };
  }, [client, hostId, lastSeen, current, put]);

  const snapshot = entry?.snapshot ?? null;
  const marks = entry?.marks ?? NO_MARKS;
  const warnings = useMemo(() => (snapshot ? hostWarnings(snapshot, marks) : []), [snapshot, marks]);
  const error = failure?.hostId === hostId ? failure.error : null;
  return { snapshot, marks, warnings, loading: !entry && !error, error };
}
