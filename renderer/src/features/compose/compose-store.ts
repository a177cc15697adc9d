import { create } from 'zustand';
import type { JobView } from '../../../../shared/contract';
import { useLabStore } from '../../store';
import { initialDraft, type ComposeDraft } from './compose-draft';
import { clearStoredCompose, loadStoredCompose, saveStoredCompose } from './compose-draft-storage';
import { STEP } from './compose-steps';

/**
 * The wizard's own state, kept outside the components so leaving for the inventory and coming
 * back finds the draft (and a running job) as it was. Whether the wizard is the screen shown is
 * the lab store's `screen` ('compose'), like every other screen.
 */
type ComposeState = {
  step: number;
  hostId: string | null;
  draft: ComposeDraft;
  jobId: string | null;
  job: JobView | null;
  /** Shows the wizard; with a pod, on that pod (its kept draft, or a fresh one). */
  open: (hostId?: string) => void;
  /** Puts the wizard where an address says (a reload, back/forward): that pod and step, as far as the draft allows. */
  show: (hostId: string | null, step: number) => void;
  setStep: (step: number) => void;
  chooseHost: (hostId: string) => void;
  patchDraft: (patch: Partial<ComposeDraft>) => void;
  startedJob: (jobId: string) => void;
  updateJob: (job: JobView) => void;
  /** After a failed or cancelled job: back to the review, the draft kept, to change it and try again. */
  backToReview: () => void;
  /** Compose another VM on the same pod. */
  again: () => void;
  /** Throws the draft for this pod away (also the kept copy) and starts again on Resources. */
  discard: () => void;
};

/** A job that has not finished yet pins the wizard: opening it for another pod must not lose it. */
const jobInFlight = (s: Pick<ComposeState, 'jobId' | 'job'>): boolean =>
  s.jobId !== null && (s.job === null || s.job.state === 'queued' || s.job.state === 'running');

/** A pod's kept draft and job, or a fresh draft. */
function podState(hostId: string, carryHostname = ''): Pick<ComposeState, 'hostId' | 'draft' | 'jobId' | 'job'> {
  const kept = loadStoredCompose(hostId);
  return {
    hostId,
    draft: kept?.draft ?? { ...initialDraft(), hostname: carryHostname },
    jobId: kept?.jobId ?? null,
    job: null,
  };
}

/**
 * Compose and Done only exist with a job: without one the wizard goes back to where a draft is
 * edited; with one it shows the job (Done once it is known to have succeeded).
 */
function reachableStep(step: number, jobId: string | null, job: JobView | null): number {
  if (jobId === null) return Math.min(step, STEP.review);
  return step === STEP.done && job?.state === 'succeeded' ? STEP.done : STEP.compose;
}

const showScreen = (): void => useLabStore.getState().setScreen('compose');

export const useComposeStore = create<ComposeState>()((set, get) => ({
  step: STEP.pod,
  hostId: null,
  draft: initialDraft(),
  jobId: null,
  job: null,
  open: (hostId) => {
    const s = get();
    // A new pod: its pools and interfaces differ, so the draft is that pod's own, after the Pod step.
    if (hostId && !jobInFlight(s) && hostId !== s.hostId) {
      const next = podState(hostId);
      set({ ...next, step: reachableStep(STEP.resources, next.jobId, null) });
    }
    showScreen();
  },
  show: (hostId, step) => {
    const s = get();
    if (hostId === null || (jobInFlight(s) && hostId !== s.hostId)) {
      showScreen();
      return;
    }
    const next = hostId === s.hostId ? { hostId, draft: s.draft, jobId: s.jobId, job: s.job } : podState(hostId);
    set({ ...next, step: reachableStep(step, next.jobId, next.job) });
    showScreen();
  },
  setStep: (step) => set({ step }),
  chooseHost: (hostId) => set((s) => (s.hostId === hostId ? {} : podState(hostId, s.draft.hostname))),
  patchDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
  startedJob: (jobId) => set({ jobId, job: null, step: STEP.compose }),
  // Success moves on to Done by itself; a failure stays on Compose, where the failed step is shown.
  updateJob: (job) => {
    const s = get();
    if (job.id !== s.jobId) return;
    set({ job, step: job.state === 'succeeded' && s.step === STEP.compose ? STEP.done : s.step });
    // The VM exists: its draft has done its work, and a reload should not offer it again.
    if (job.state === 'succeeded' && s.hostId) clearStoredCompose(s.hostId);
  },
  backToReview: () => set({ step: STEP.review, jobId: null, job: null }),
  again: () => set({ step: STEP.resources, draft: initialDraft(), jobId: null, job: null }),
  discard: () => {
    const s = get();
    if (jobInFlight(s)) return;
    if (s.hostId) clearStoredCompose(s.hostId);
    set({ step: s.hostId ? STEP.resources : STEP.pod, draft: initialDraft(), jobId: null, job: null });
  },
}));

// Each change of the draft (or of the job it started) is kept for the pod, so a reload finds it.
useComposeStore.subscribe((s, prev) => {
  if (!s.hostId || (s.draft === prev.draft && s.jobId === prev.jobId && s.hostId === prev.hostId)) return;
  // A finished job's draft was cleared on purpose; a later progress event must not bring it back.
  if (s.job?.state === 'succeeded') return;
  saveStoredCompose(s.hostId, { draft: s.draft, jobId: s.jobId });
});

export const openComposeWizard = (hostId?: string): void => useComposeStore.getState().open(hostId);
