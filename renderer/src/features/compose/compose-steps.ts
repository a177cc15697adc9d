/** The wizard's steps, in order; the index is what the store keeps. */
export const composeSteps = ['Pod', 'Resources', 'Interfaces', 'Review', 'Compose', 'Done'] as const;
export type ComposeStepName = (typeof composeSteps)[number];

export const STEP = {
  pod: 0,
  resources: 1,
  interfaces: 2,
  review: 3,
  compose: 4,
  done: 5,
} as const;
