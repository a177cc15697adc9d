import type { ConstraintBaseKey, ConstraintKey } from './keys';

/** The values given for each key of one label, in the order typed. */
export type ConstraintSet = Partial<Record<ConstraintKey, string[]>>;

/**
 * label → constraints, in the order the labels were typed. A Map rather than a plain object
 * because labels are often numeric ("0", "1") and a plain object would reorder those.
 */
export type InterfaceConstraintMap = Map<string, ConstraintSet>;

/** One row of the UI's visual builder: a label and its constraints, one value each. */
export interface ConstraintRow {
  label: string;
  constraints: ConstraintEntry[];
}

export interface ConstraintEntry {
  key: ConstraintBaseKey;
  negated: boolean;
  value: string;
}
