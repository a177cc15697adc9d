import { useLabStore } from '../../../store';
import { useComposeStore } from '../../compose/compose-store';
import { formatRoute, parseHash, viewKey } from './hash-route';
import { applyRoute, currentRoute } from './route-state';

type HashWindow = Pick<Window, 'location' | 'history' | 'addEventListener' | 'removeEventListener'>;

/**
 * Keeps the address bar's hash and the stores in step, both ways: the page opens where the hash
 * says (a reload, a reconnect to a restarted web host), each change of view is a history entry,
 * and back/forward (or an edited hash) show that place again. Returns the stop function.
 */
export function startHashRouting(w: HashWindow = window): () => void {
  let following = false;
  const show = (hash: string): void => {
    following = true;
    try {
      applyRoute(parseHash(hash));
    } finally {
      following = false;
    }
  };

  show(w.location.hash);
  let shown = currentRoute();
  // What the page opened on, written back in its one spelling (a bad hash becomes #/inventory).
  w.history.replaceState(w.history.state, '', formatRoute(shown));

  const record = (): void => {
    const next = currentRoute();
    const hash = formatRoute(next);
    if (hash === w.location.hash) {
      shown = next;
      return;
    }
    // Following the address (back/forward) never adds an entry; within one view (a wizard step) neither.
    if (following || viewKey(next) === viewKey(shown)) w.history.replaceState(w.history.state, '', hash);
    else w.history.pushState(null, '', hash);
    shown = next;
  };
  const stopLab = useLabStore.subscribe(record);
  const stopCompose = useComposeStore.subscribe(record);

  // popstate: back/forward; hashchange: a hash typed into the address bar. Both may come for one move.
  const onAddress = (): void => {
    if (w.location.hash !== formatRoute(currentRoute())) show(w.location.hash);
    record();
  };
  w.addEventListener('popstate', onAddress);
  w.addEventListener('hashchange', onAddress);
  return () => {
    stopLab();
    stopCompose();
    w.removeEventListener('popstate', onAddress);
    w.removeEventListener('hashchange', onAddress);
  };
}
