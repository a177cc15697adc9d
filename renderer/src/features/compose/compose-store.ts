import { create } from 'zustand';
import type { JobView } from '../../../../shared/contract';
import { initialDraft, type ComposeDraft } from './compose-draft';
import { STEP } from './compose-steps';

/**
 * The wizard's own state, kept outside the components so leaving for the inventory and coming
 * back finds the draft (and a running job) as it was.
 */
type ComposeState = {
  /** Whether the compose screen is the one shown. */
  active: boolean;
  step: number;
  hostId: string | null;
  draft: ComposeDraft;
  jobId: string | null;
  job: JobView | null;
  open: (hostId?: string) => void;
  leave: () => void;
  setStep: (step: number) => void;
  chooseHost: (hostId: string) => void;
  patchDraft: (patch: Partial<ComposeDraft>) => void;
  startedJob: (jobId: string) => void;
  updateJob: (job: JobView) => void;
  /** After a failed or cancelled job: back to the review, the draft kept, to change it and try again. */
  backToReview: () => void;
  /** Compose another VM on the same pod. */
  again: () => void;
};

/** A job that has not finished yet pins the wizard: opening it for another pod must not lose it. */
const jobInFlight = (s: Pick<ComposeState, 'jobId' | 'job'>): boolean =>
  s.jobId !== null && (s.job === null || s.job.state === 'queued' || s.job.state === 'running');

export const useComposeStore = create<ComposeState>()((set) => ({
  active: false,
  step: STEP.pod,
  hostId: null,
  draft: initialDraft(),
  jobId: null,
  job: null,
  open: (hostId) =>
    set((s) => {
      if (!hostId || jobInFlight(s) || hostId === s.hostId) return { active: true };
      // A new pod: its pools and interfaces differ, so start the draft afresh after the Pod step.
      return { active: true, hostId, step: STEP.resources, draft: initialDraft(), jobId: null, job: null };
    }),
  leave: () => set({ active: false }),
  setStep: (step) => set({ step }),
  chooseHost: (hostId) =>
    set((s) => (s.hostId === hostId ? {} : { hostId, draft: { ...initialDraft(), hostname: s.draft.hostname } })),
  patchDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
  startedJob: (jobId) => set({ jobId, job: null, step: STEP.compose }),
  // Success moves on to Done by itself; a failure stays on Compose, where the failed step is shown.
  updateJob: (job) =>
    set((s) => (job.id === s.jobId ? { job, step: job.state === 'succeeded' && s.step === STEP.compose ? STEP.done : s.step } : {})),
  backToReview: () => set({ step: STEP.review, jobId: null, job: null }),
  again: () => set({ step: STEP.resources, draft: initialDraft(), jobId: null, job: null }),
}));

export const openComposeWizard = (hostId?: string): void => useComposeStore.getState().open(hostId);
