import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLabStore } from '../../../store';
import { STEP } from '../../compose/compose-steps';
import { useComposeStore } from '../../compose/compose-store';
import { startHashRouting } from './hash-sync';

/** A window with a history of hashes: push/replace as a browser does, back/forward firing popstate. */
function fakeWindow(initialHash: string) {
  const entries = [initialHash];
  let at = 0;
  const listeners = new Map<string, Set<() => void>>();
  const fire = (type: string) => listeners.get(type)?.forEach((f) => f());
  const w = {
    entries,
    location: {
      get hash() {
        return entries[at]!;
      },
    },
    history: {
      state: null,
      pushState: (_s: unknown, _t: string, url: string) => {
        entries.splice(at + 1);
        entries.push(url);
        at += 1;
      },
      replaceState: (_s: unknown, _t: string, url: string) => {
        entries[at] = url;
      },
    },
    addEventListener: (type: string, f: () => void) =>
      void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(f),
    removeEventListener: (type: string, f: () => void) => void listeners.get(type)?.delete(f),
    back: () => {
      at -= 1;
      fire('popstate');
    },
    forward: () => {
      at += 1;
      fire('popstate');
    },
    typeHash: (hash: string) => {
      w.history.pushState(null, '', hash);
      fire('hashchange');
    },
  };
  return w;
}

const freshLab = useLabStore.getState();
const freshCompose = useComposeStore.getState();
let stop: (() => void) | undefined;
const start = (hash: string) => {
  const w = fakeWindow(hash);
  stop = startHashRouting(w as unknown as Window);
  return w;
};

beforeEach(() => {
  vi.stubGlobal('sessionStorage', undefined);
  useLabStore.setState(freshLab, true);
  useComposeStore.setState(freshCompose, true);
});
afterEach(() => {
  stop?.();
  vi.unstubAllGlobals();
});

describe('hash routing', () => {
  it('opens where the address says (a reload)', () => {
    const w = start('#/hosts/h1/networks');
    expect(useLabStore.getState()).toMatchObject({ screen: 'host', detailHostId: 'h1', detailTab: 'networks' });
    expect(w.location.hash).toBe('#/hosts/h1/networks');
  });

  it('a bad address opens the inventory and is written back as #/inventory, without a new entry', () => {
    const w = start('#/hosts/%zz/what');
    expect(useLabStore.getState().screen).toBe('inventory');
    expect(w.entries).toEqual(['#/inventory']);
  });

  it('each change of view is a history entry; back and forward show them again', () => {
    const w = start('');
    useLabStore.getState().openHostDetail('h1', 'networks');
    useLabStore.getState().setDetailTab('vms');
    useLabStore.getState().setScreen('operations');
    expect(w.entries).toEqual(['#/inventory', '#/hosts/h1/networks', '#/hosts/h1/vms', '#/operations']);

    w.back();
    expect(useLabStore.getState()).toMatchObject({ screen: 'host', detailTab: 'vms' });
    w.back();
    expect(useLabStore.getState()).toMatchObject({ screen: 'host', detailTab: 'networks' });
    w.forward();
    expect(useLabStore.getState()).toMatchObject({ screen: 'host', detailTab: 'vms' });
    // Following the address added nothing.
    expect(w.entries).toHaveLength(4);
  });

  it('wizard steps and pods replace the entry; leaving the wizard is a new one', () => {
    const w = start('#/inventory');
    useComposeStore.getState().open();
    useComposeStore.getState().chooseHost('h1');
    useComposeStore.getState().setStep(STEP.resources);
    useComposeStore.getState().setStep(STEP.install);
    expect(w.entries).toEqual(['#/inventory', '#/compose/h1/install']);
    useLabStore.getState().openHostDetail('h1', 'vms', 'web-7');
    expect(w.entries).toEqual(['#/inventory', '#/compose/h1/install', '#/hosts/h1/vms/web-7']);
    w.back();
    expect(useLabStore.getState().screen).toBe('compose');
    expect(useComposeStore.getState()).toMatchObject({ hostId: 'h1', step: STEP.install });
  });

  it('a hash typed into the address bar is followed', () => {
    const w = start('#/inventory');
    w.typeHash('#/operations');
    expect(useLabStore.getState().screen).toBe('operations');
    w.typeHash('#/nonsense');
    expect(useLabStore.getState().screen).toBe('inventory');
    expect(w.location.hash).toBe('#/inventory');
  });

  it('stops following once stopped', () => {
    const w = start('#/inventory');
    stop?.();
    stop = undefined;
    useLabStore.getState().setScreen('operations');
    expect(w.entries).toEqual(['#/inventory']);
  });
});
