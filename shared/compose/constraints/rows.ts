import { err, ok, type PositionedError, type Result } from '../result';
import { canNegate, joinKey, splitKey, type ConstraintKey } from './keys';
import { labelProblem } from './label';
import { parseInterfaceConstraints } from './parse';
import { serializeInterfaceConstraints } from './serialize';
import type { ConstraintRow, ConstraintSet, InterfaceConstraintMap } from './types';
import { valueProblem } from './values';

/** Where a builder row is wrong: row index, constraint index within it (if any), and why. */
export interface RowError {
  row: number;
  constraint?: number;
  field: 'label' | 'key' | 'value' | 'row';
  message: string;
}

/** One entry per value, in the map's order; `not_space` becomes { key: 'space', negated: true }. */
export function mapToRows(map: InterfaceConstraintMap): ConstraintRow[] {
  return [...map].map(([label, set]) => ({
    label,
    constraints: Object.entries(set).flatMap(([key, values]) => {
      const { base, negated } = splitKey(key as ConstraintKey);
      return (values ?? []).map((value) => ({ key: base, negated, value }));
    }),
  }));
}

/**
 * Builder rows → constraint map, with the same rules as the text grammar. Entries with the same
 * key (and negation) in one row collect their values in row order.
 */
export function rowsToMap(rows: readonly ConstraintRow[]): Result<InterfaceConstraintMap, RowError> {
  const map: InterfaceConstraintMap = new Map();
  const seen = new Map<string, number>();
  for (const [r, row] of rows.entries()) {
    const bad = labelProblem(row.label);
    if (bad) return err({ row: r, field: 'label', message: `row ${r + 1}: ${bad.reason}` });
    const earlier = seen.get(row.label);
    if (earlier !== undefined) {
      return err({
        row: r,
        field: 'label',
        message: `row ${r + 1}: label '${row.label}' is already used by row ${earlier + 1} — each label may appear once`,
      });
    }
    seen.set(row.label, r);
    if (row.constraints.length === 0) {
      return err({
        row: r,
        field: 'row',
        message: `row ${r + 1}: label '${row.label}' has no constraints — add at least one`,
      });
    }
    const set: ConstraintSet = {};
    for (const [c, entry] of row.constraints.entries()) {
      const key = joinKey(entry.key, entry.negated);
      if (key === null || (entry.negated && !canNegate(entry.key))) {
        return err({ row: r, constraint: c, field: 'key', message: `row ${r + 1}: '${entry.key}' cannot be negated` });
      }
      if (/[;,]/.test(entry.value)) {
        return err({
          row: r,
          constraint: c,
          field: 'value',
          message: `row ${r + 1}: the value of '${key}' may not contain ';' or ','`,
        });
      }
      const problem = valueProblem(entry.key, entry.value);
      if (problem) return err({ row: r, constraint: c, field: 'value', message: `row ${r + 1}: ${problem}` });
      const list = set[key] ?? [];
      list.push(entry.value);
      set[key] = list;
    }
    map.set(row.label, set);
  }
  return ok(map);
}

export function rowsToText(rows: readonly ConstraintRow[]): Result<string, RowError> {
  const map = rowsToMap(rows);
  return map.ok ? ok(serializeInterfaceConstraints(map.value)) : map;
}

export function textToRows(text: string): Result<ConstraintRow[], PositionedError> {
  const map = parseInterfaceConstraints(text);
  return map.ok ? ok(mapToRows(map.value)) : map;
}
