import { hostDetailTabs, type HostDetailTab } from '../../../store';
import { STEP } from '../../compose/compose-steps';

/** The wizard's steps as they read in an address: #/compose/<pod>/resources. */
export type ComposeStepKey = keyof typeof STEP;
export const composeStepKeys = Object.keys(STEP) as ComposeStepKey[];

/**
 * A place in the app, as the address bar holds it. Pure data: what it means for the stores is
 * route-state.ts's business.
 */
export type Route =
  | { screen: 'inventory' }
  | { screen: 'operations' }
  | { screen: 'host'; hostId: string; tab: HostDetailTab; vm?: string }
  | { screen: 'compose'; hostId?: string; step?: ComposeStepKey };

export const INVENTORY: Route = { screen: 'inventory' };

const enc = encodeURIComponent;

/**
 * #/inventory, #/operations, #/hosts/<id>/<tab>, #/hosts/<id>/vms/<vm> (that VM picked out),
 * #/compose, #/compose/<id>/<step>. Ids and names are URI-encoded, so any character is safe.
 */
export function formatRoute(route: Route): string {
  switch (route.screen) {
    case 'inventory':
    case 'operations':
      return `#/${route.screen}`;
    case 'host':
      return `#/hosts/${enc(route.hostId)}/${route.tab}${route.tab === 'vms' && route.vm ? `/${enc(route.vm)}` : ''}`;
    case 'compose':
      return route.hostId ? `#/compose/${enc(route.hostId)}/${route.step ?? 'resources'}` : '#/compose';
  }
}

const isTab = (s: string | undefined): s is HostDetailTab => (hostDetailTabs as readonly string[]).includes(s ?? '');
const isStep = (s: string | undefined): s is ComposeStepKey => (composeStepKeys as readonly string[]).includes(s ?? '');

/** Path segments, decoded; null when one is not valid URI encoding or is empty (`//`). */
function segments(hash: string): string[] | null {
  const path = hash.replace(/^#/, '').replace(/^\//, '').replace(/\/$/, '');
  if (path === '') return [];
  const out: string[] = [];
  for (const raw of path.split('/')) {
    let part: string;
    try {
      part = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (part === '') return null;
    out.push(part);
  }
  return out;
}

/** The place an address names. Anything not understood (a typo, an old or hand-made link) is the inventory. */
export function parseHash(hash: string): Route {
  const parts = segments(hash);
  if (parts === null) return INVENTORY;
  const [head, id, sub, extra, ...rest] = parts;
  if (rest.length > 0) return INVENTORY;
  switch (head) {
    case undefined:
    case 'inventory':
      return INVENTORY;
    case 'operations':
      return id === undefined ? { screen: 'operations' } : INVENTORY;
    case 'hosts':
      if (id === undefined) return INVENTORY;
      if (sub === undefined) return { screen: 'host', hostId: id, tab: 'overview' };
      if (!isTab(sub)) return INVENTORY;
      if (extra === undefined) return { screen: 'host', hostId: id, tab: sub };
      return sub === 'vms' ? { screen: 'host', hostId: id, tab: 'vms', vm: extra } : INVENTORY;
    case 'compose':
      if (id === undefined) return { screen: 'compose' };
      if (extra !== undefined) return INVENTORY;
      if (sub === undefined) return { screen: 'compose', hostId: id, step: 'resources' };
      return isStep(sub) ? { screen: 'compose', hostId: id, step: sub } : INVENTORY;
    default:
      return INVENTORY;
  }
}

/**
 * Which "view" a route is, leaving out what only moves within it (the wizard's pod and step, the
 * picked-out VM): a change of view is a new history entry, a move within one replaces the current one.
 */
export function viewKey(route: Route): string {
  switch (route.screen) {
    case 'host':
      return `host/${route.hostId}/${route.tab}`;
    default:
      return route.screen;
  }
}
