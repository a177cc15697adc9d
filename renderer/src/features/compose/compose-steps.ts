/** The wizard's steps, in order; the index is what the store keeps. */
export const composeSteps = ['Pod', 'Resources', 'Install', 'Interfaces', 'Review', 'Compose', 'Done'] as const;

export const STEP = {
  pod: 0,
  resources: 1,
  install: 2,
  interfaces: 3,
  review: 4,
  compose: 5,
  done: 6,
} as const;
