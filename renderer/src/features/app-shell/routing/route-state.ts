import type { LabState } from '../../../store';
import { useLabStore } from '../../../store';
import { STEP } from '../../compose/compose-steps';
import { useComposeStore } from '../../compose/compose-store';
import { composeStepKeys, type Route } from './hash-route';

/** What of the wizard's state an address shows. */
export type ComposePlace = { hostId: string | null; step: number };

/** The place the stores show now. */
export function routeOf(
  lab: Pick<LabState, 'screen' | 'detailHostId' | 'detailTab' | 'highlightVm'>,
  compose: ComposePlace,
): Route {
  switch (lab.screen) {
    case 'host':
      if (lab.detailHostId === null) return { screen: 'inventory' };
      return {
        screen: 'host',
        hostId: lab.detailHostId,
        tab: lab.detailTab,
        ...(lab.detailTab === 'vms' && lab.highlightVm ? { vm: lab.highlightVm } : {}),
      };
    case 'compose':
      return compose.hostId === null
        ? { screen: 'compose' }
        : { screen: 'compose', hostId: compose.hostId, step: composeStepKeys[compose.step] ?? 'resources' };
    default:
      return { screen: lab.screen };
  }
}

/** The route of the stores as they are. */
export const currentRoute = (): Route => routeOf(useLabStore.getState(), useComposeStore.getState());

/** Shows a place: the stores are set to it (an unknown host or pod is then said so by its screen). */
export function applyRoute(route: Route): void {
  const lab = useLabStore.getState();
  switch (route.screen) {
    case 'host':
      lab.openHostDetail(route.hostId, route.tab, route.vm);
      return;
    case 'compose':
      useComposeStore.getState().show(route.hostId ?? null, route.hostId ? STEP[route.step ?? 'resources'] : STEP.pod);
      return;
    default:
      lab.setScreen(route.screen);
  }
}
