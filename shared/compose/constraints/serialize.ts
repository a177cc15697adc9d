import { isConstraintKey, splitKey, type ConstraintKey } from './keys';
import { labelProblem } from './label';
import type { InterfaceConstraintMap } from './types';
import { valueProblem } from './values';

/** Why `map` cannot be written as constraint text (that parses back to it), or null. */
export function constraintMapProblem(map: InterfaceConstraintMap): string | null {
  for (const [label, set] of map) {
    const bad = labelProblem(label);
    if (bad) return bad.reason;
    const entries = Object.entries(set);
    if (entries.length === 0) return `label '${label}' has no constraints`;
    for (const [key, values] of entries) {
      if (!isConstraintKey(key)) return `label '${label}': key '${key}' is not known`;
      if (!values || values.length === 0) return `label '${label}': key '${key}' has no values`;
      for (const value of values) {
        if (/[;,]/.test(value))
          return `label '${label}': value '${value}' contains ';' or ',', which the grammar reserves`;
        const problem = valueProblem(splitKey(key as ConstraintKey).base, value);
        if (problem) return `label '${label}': ${problem}`;
      }
    }
  }
  return null;
}

/**
 * Writes a constraint map as MAAS constraint text: labels in map order, keys in insertion order,
 * a repeated key written once per value. The empty map is the empty string.
 * Throws a TypeError for a map the grammar cannot express (the parser never produces one).
 */
export function serializeInterfaceConstraints(map: InterfaceConstraintMap): string {
  const problem = constraintMapProblem(map);
  if (problem) throw new TypeError(`cannot serialise interface constraints: ${problem}`);
  return [...map]
    .map(([label, set]) => {
      const pairs = Object.entries(set).flatMap(([key, values]) => (values ?? []).map((v) => `${key}=${v}`));
      return `${label}:${pairs.join(',')}`;
    })
    .join(';');
}
