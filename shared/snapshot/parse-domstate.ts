import { domainStates, type DomainState } from './types';
import { withoutErrors } from './virsh-text';

/** Parses `virsh domstate` ("shut off"); anything unrecognised (or an error) is 'unknown'. */
export function parseDomState(body: string): DomainState {
  const first = withoutErrors(body).split('\n')[0]?.trim() ?? '';
  return (domainStates as readonly string[]).includes(first) ? (first as DomainState) : 'unknown';
}

/** States in which a domain exists as a process: it holds memory and its NICs' leases are current. */
export const activeStates: ReadonlySet<DomainState> = new Set<DomainState>([
  'running',
  'idle',
  'paused',
  'in shutdown',
  'pmsuspended',
]);
