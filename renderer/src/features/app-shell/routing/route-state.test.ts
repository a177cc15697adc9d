import { describe, expect, it } from 'vitest';
import { STEP } from '../../compose/compose-steps';
import { routeOf } from './route-state';

const lab = { screen: 'inventory', detailHostId: null, detailTab: 'overview', highlightVm: null } as const;
const noCompose = { hostId: null, step: STEP.pod };

describe('routeOf: the stores as an address', () => {
  it('plain screens', () => {
    expect(routeOf(lab, noCompose)).toEqual({ screen: 'inventory' });
    expect(routeOf({ ...lab, screen: 'operations' }, noCompose)).toEqual({ screen: 'operations' });
  });

  it('a host with its tab, and the picked-out VM only on the VMs tab', () => {
    expect(routeOf({ ...lab, screen: 'host', detailHostId: 'h', detailTab: 'networks' }, noCompose)).toEqual({
      screen: 'host',
      hostId: 'h',
      tab: 'networks',
    });
    expect(
      routeOf({ ...lab, screen: 'host', detailHostId: 'h', detailTab: 'vms', highlightVm: 'web1' }, noCompose),
    ).toEqual({
      screen: 'host',
      hostId: 'h',
      tab: 'vms',
      vm: 'web1',
    });
    expect(
      routeOf({ ...lab, screen: 'host', detailHostId: 'h', detailTab: 'overview', highlightVm: 'web1' }, noCompose),
    ).toEqual({
      screen: 'host',
      hostId: 'h',
      tab: 'overview',
    });
  });

  it('a host screen without a host is the inventory', () => {
    expect(routeOf({ ...lab, screen: 'host' }, noCompose)).toEqual({ screen: 'inventory' });
  });

  it('the wizard with its pod and step', () => {
    expect(routeOf({ ...lab, screen: 'compose' }, noCompose)).toEqual({ screen: 'compose' });
    expect(routeOf({ ...lab, screen: 'compose' }, { hostId: 'h', step: STEP.interfaces })).toEqual({
      screen: 'compose',
      hostId: 'h',
      step: 'interfaces',
    });
    expect(routeOf({ ...lab, screen: 'compose' }, { hostId: 'h', step: STEP.done })).toEqual({
      screen: 'compose',
      hostId: 'h',
      step: 'done',
    });
  });
});
