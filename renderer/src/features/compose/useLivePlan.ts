import { useCallback, useEffect, useState } from 'react';
import type { AppErrorShape, ComposePlan, ComposeRequest } from '../../../../shared/contract';
import { errorShapeOf, useCommands } from '../../api';

type Answer = { key: string; plan: ComposePlan | null; error: AppErrorShape | null; at: number };

/** Wait until typing pauses before asking the engine. */
const DEBOUNCE_MS = 400;
/** Edits re-plan against the host as read up to this long ago; "Re-read host" reads it first (the snapshot cache), then calls replan. */
export const SNAPSHOT_REUSE_MS = 30_000;

/**
 * The engine's dry run (compose.plan) for the request, redone shortly after it changes. Answers to
 * requests that have since changed are dropped; the last plan stays visible (marked stale) while
 * the next one is on its way.
 */
export function useLivePlan(request: ComposeRequest | null) {
  const commands = useCommands();
  const [nonce, setNonce] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = request ? `${JSON.stringify(request)}#${nonce}` : '';

  useEffect(() => {
    if (!request) return;
    let live = true;
    const timer = window.setTimeout(() => {
      commands.compose
        .plan({ ...request, maxSnapshotAgeMs: SNAPSHOT_REUSE_MS })
        .then((plan) => live && setAnswer({ key, plan, error: null, at: Date.now() }))
        .catch((err: unknown) => live && setAnswer({ key, plan: null, error: errorShapeOf(err), at: Date.now() }));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // `key` captures the request's content; the object itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [commands, key]);

  const fresh = answer?.key === key;
  return {
    /** The latest plan received (possibly for an earlier request: see `stale`). */
    plan: answer?.plan ?? null,
    error: fresh ? (answer?.error ?? null) : null,
    stale: !fresh,
    loading: request !== null && !fresh,
    at: answer?.at ?? null,
    /** Plans again against the engine's last read (e.g. one just made by the snapshot cache). */
    replan: useCallback(() => setNonce((n) => n + 1), []),
  };
}
