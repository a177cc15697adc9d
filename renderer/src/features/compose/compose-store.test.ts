import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobView } from '../../../../shared/contract';
import { useLabStore } from '../../store';
import { initialDraft } from './compose-draft';
import { draftKey, loadStoredCompose } from './compose-draft-storage';
import { STEP } from './compose-steps';
import { useComposeStore } from './compose-store';

const items = new Map<string, string>();
const storage = {
  getItem: (k: string) => items.get(k) ?? null,
  setItem: (k: string, v: string) => void items.set(k, v),
  removeItem: (k: string) => void items.delete(k),
};
const fresh = useComposeStore.getState();

const job = (state: JobView['state'], id = 'job-1'): JobView => ({
  id,
  kind: 'compose',
  hostId: 'h1',
  title: 'compose',
  state,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  steps: [],
  leftBehind: [],
  domain: 'web-7',
});

beforeEach(() => {
  items.clear();
  vi.stubGlobal('sessionStorage', storage);
  useComposeStore.setState(fresh, true);
  useLabStore.setState({ screen: 'inventory' });
});
afterEach(() => vi.unstubAllGlobals());

describe('compose as a screen of the lab store', () => {
  it('opening the wizard makes it the screen; another screen replaces it, the draft stays', () => {
    useComposeStore.getState().open('h1');
    expect(useLabStore.getState().screen).toBe('compose');
    expect(useComposeStore.getState()).toMatchObject({ hostId: 'h1', step: STEP.resources });
    useComposeStore.getState().patchDraft({ hostname: 'web-7' });
    useLabStore.getState().setScreen('operations');
    useComposeStore.getState().open();
    expect(useLabStore.getState().screen).toBe('compose');
    expect(useComposeStore.getState().draft.hostname).toBe('web-7');
  });
});

describe('the draft survives a reload', () => {
  it('each edit is kept per pod; show() after a reload finds it at the step the address names', () => {
    useComposeStore.getState().open('h1');
    useComposeStore.getState().patchDraft({ hostname: 'web-7', cores: '2' });
    expect(loadStoredCompose('h1')?.draft).toMatchObject({ hostname: 'web-7', cores: '2' });

    useComposeStore.setState(fresh, true); // the reload: memory gone, sessionStorage kept
    useComposeStore.getState().show('h1', STEP.interfaces);
    expect(useComposeStore.getState()).toMatchObject({
      hostId: 'h1',
      step: STEP.interfaces,
      draft: { hostname: 'web-7', cores: '2' },
    });
    expect(useLabStore.getState().screen).toBe('compose');
  });

  it('Compose and Done need a job: without one the address brings the review at most', () => {
    useComposeStore.getState().show('h1', STEP.done);
    expect(useComposeStore.getState().step).toBe(STEP.review);
  });

  it('a job kept from before the reload is followed again on the Compose step', () => {
    useComposeStore.getState().open('h1');
    useComposeStore.getState().patchDraft({ hostname: 'web-7' });
    useComposeStore.getState().startedJob('job-1');
    useComposeStore.setState(fresh, true);
    useComposeStore.getState().show('h1', STEP.done);
    expect(useComposeStore.getState()).toMatchObject({ jobId: 'job-1', step: STEP.compose });
    useComposeStore.getState().updateJob(job('succeeded'));
    expect(useComposeStore.getState().step).toBe(STEP.done);
  });

  it('another pod has its own draft; choosing a pod without one carries the name over', () => {
    useComposeStore.getState().open('h1');
    useComposeStore.getState().patchDraft({ hostname: 'on-h1', cores: '3' });
    useComposeStore.getState().chooseHost('h2');
    expect(useComposeStore.getState().draft).toEqual({ ...initialDraft(), hostname: 'on-h1' });
    useComposeStore.getState().patchDraft({ hostname: 'on-h2' });
    useComposeStore.getState().chooseHost('h1');
    expect(useComposeStore.getState().draft).toMatchObject({ hostname: 'on-h1', cores: '3' });
  });

  it('a finished compose clears the kept draft; a later event does not bring it back', () => {
    useComposeStore.getState().open('h1');
    useComposeStore.getState().patchDraft({ hostname: 'web-7' });
    useComposeStore.getState().startedJob('job-1');
    useComposeStore.getState().updateJob(job('running'));
    expect(items.has(draftKey('h1'))).toBe(true);
    useComposeStore.getState().updateJob(job('succeeded'));
    expect(items.has(draftKey('h1'))).toBe(false);
    useComposeStore.getState().updateJob(job('succeeded'));
    expect(items.has(draftKey('h1'))).toBe(false);
    expect(useComposeStore.getState().step).toBe(STEP.done);
  });

  it('Discard draft throws it away, kept copy included, and starts on Resources', () => {
    useComposeStore.getState().open('h1');
    useComposeStore.getState().patchDraft({ hostname: 'web-7' });
    useComposeStore.getState().setStep(STEP.review);
    useComposeStore.getState().discard();
    expect(useComposeStore.getState()).toMatchObject({ step: STEP.resources, draft: initialDraft() });
    expect(items.has(draftKey('h1'))).toBe(false);
  });

  it('a running job pins the wizard: an address for another pod shows it as it is', () => {
    useComposeStore.getState().open('h1');
    useComposeStore.getState().startedJob('job-1');
    useComposeStore.getState().show('h2', STEP.resources);
    expect(useComposeStore.getState()).toMatchObject({ hostId: 'h1', step: STEP.compose, jobId: 'job-1' });
  });
});
