import { describe, expect, it } from 'vitest';
import { hostDetailTabs } from '../../../store';
import { composeStepKeys, formatRoute, parseHash, viewKey, type Route } from './hash-route';

describe('formatRoute ⇄ parseHash', () => {
  const routes: Route[] = [
    { screen: 'inventory' },
    { screen: 'operations' },
    ...hostDetailTabs.map((tab): Route => ({ screen: 'host', hostId: 'h-1', tab })),
    { screen: 'host', hostId: 'h-1', tab: 'vms', vm: 'web1' },
    { screen: 'compose' },
    ...composeStepKeys.map((step): Route => ({ screen: 'compose', hostId: 'h-1', step })),
  ];
  it.each(routes.map((r) => [formatRoute(r), r] as const))('%s round-trips', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
  });

  it('spells each place one way', () => {
    expect(formatRoute({ screen: 'host', hostId: 'h-1', tab: 'networks' })).toBe('#/hosts/h-1/networks');
    expect(formatRoute({ screen: 'host', hostId: 'h-1', tab: 'vms', vm: 'web1' })).toBe('#/hosts/h-1/vms/web1');
    expect(formatRoute({ screen: 'compose', hostId: 'h-1', step: 'review' })).toBe('#/compose/h-1/review');
    expect(formatRoute({ screen: 'compose' })).toBe('#/compose');
  });

  it('a picked-out VM belongs to the VMs tab only', () => {
    expect(formatRoute({ screen: 'host', hostId: 'h', tab: 'networks', vm: 'web1' })).toBe('#/hosts/h/networks');
    expect(parseHash('#/hosts/h/networks/web1')).toEqual({ screen: 'inventory' });
  });

  it('encodes ids and names, so slashes, spaces, # and % survive', () => {
    const route: Route = { screen: 'host', hostId: 'a/b c#%', tab: 'vms', vm: 'vm/ü 1' };
    const hash = formatRoute(route);
    expect(hash).toBe('#/hosts/a%2Fb%20c%23%25/vms/vm%2F%C3%BC%201');
    expect(parseHash(hash)).toEqual(route);
  });

  it('fills in what an address leaves out', () => {
    expect(parseHash('')).toEqual({ screen: 'inventory' });
    expect(parseHash('#')).toEqual({ screen: 'inventory' });
    expect(parseHash('#/')).toEqual({ screen: 'inventory' });
    expect(parseHash('#/hosts/h')).toEqual({ screen: 'host', hostId: 'h', tab: 'overview' });
    expect(parseHash('#/hosts/h/storage/')).toEqual({ screen: 'host', hostId: 'h', tab: 'storage' });
    expect(parseHash('#/compose/h')).toEqual({ screen: 'compose', hostId: 'h', step: 'resources' });
    expect(parseHash('/operations')).toEqual({ screen: 'operations' });
  });

  it.each([
    '#/nowhere',
    '#/hosts',
    '#/hosts//vms',
    '#/hosts/h/bogus',
    '#/hosts/h/vms/web1/more',
    '#/compose/h/finish',
    '#/compose/h/review/extra',
    '#/operations/x',
    '#/hosts/%E0%A4%A/vms',
    '#/hosts/%/overview',
    '#/host',
    '#/HOSTS/h',
  ])('%s is not understood: the inventory', (hash) => {
    expect(parseHash(hash)).toEqual({ screen: 'inventory' });
  });
});

describe('viewKey', () => {
  it('a tab or host is a view of its own; the wizard step and the picked-out VM are not', () => {
    expect(viewKey({ screen: 'host', hostId: 'h', tab: 'vms' })).toBe(
      viewKey({ screen: 'host', hostId: 'h', tab: 'vms', vm: 'x' }),
    );
    expect(viewKey({ screen: 'host', hostId: 'h', tab: 'vms' })).not.toBe(
      viewKey({ screen: 'host', hostId: 'h', tab: 'networks' }),
    );
    expect(viewKey({ screen: 'host', hostId: 'h', tab: 'vms' })).not.toBe(
      viewKey({ screen: 'host', hostId: 'g', tab: 'vms' }),
    );
    expect(viewKey({ screen: 'compose' })).toBe(viewKey({ screen: 'compose', hostId: 'h', step: 'review' }));
    expect(viewKey({ screen: 'inventory' })).not.toBe(viewKey({ screen: 'operations' }));
  });
});
