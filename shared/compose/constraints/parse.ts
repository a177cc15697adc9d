import { err, ok, positioned, type PositionedError, type Result } from '../result';
import { nearest } from './edit-distance';
import { constraintKeys, isConstraintKey, nonNegatableKeys, splitKey } from './keys';
import { labelProblem } from './label';
import type { ConstraintSet, InterfaceConstraintMap } from './types';
import { valueProblem } from './values';

/** A piece of the input with the index where it starts. */
interface Piece {
  text: string;
  start: number;
}

function splitWithOffsets(text: string, start: number, separator: string): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(separator, from);
    if (at < 0) {
      out.push({ text: text.slice(from), start: start + from });
      return out;
    }
    out.push({ text: text.slice(from, at), start: start + from });
    from = at + separator.length;
  }
}

function keyProblem(key: string): string {
  if (key.startsWith('not_') && (nonNegatableKeys as readonly string[]).includes(key.slice(4))) {
    return `key '${key}' is not known — '${key.slice(4)}' cannot be negated (MAAS has no '${key}')`;
  }
  const guess = nearest(key, constraintKeys);
  return `key '${key}' is not known — did you mean '${guess ?? 'name'}'?`;
}

/**
 * Parses MAAS's labeled interface-constraint grammar:
 * `<label>:<key>=<value>[,<key>=<value>…][;<label>:…]`.
 *
 * As in MAAS: text that is empty or only whitespace means "no constraints"; each label at most
 * once; a label needs at least one pair; a pair needs '='; a repeated key collects its values in
 * order; only ';' and ',' are reserved (a value may contain ':' or '=', e.g. an IPv6 address).
 * Keys and values are checked too (MAAS did that later, when matching); every error carries the
 * 0-based index of the character it is about.
 */
export function parseInterfaceConstraints(text: string): Result<InterfaceConstraintMap, PositionedError> {
  const map: InterfaceConstraintMap = new Map();
  if (text.trim() === '') return ok(map);
  const firstSeen = new Map<string, number>();

  for (const segment of splitWithOffsets(text, 0, ';')) {
    const colon = segment.text.indexOf(':');
    if (colon < 0) {
      if (segment.text === '') {
        return err(
          positioned(
            segment.start,
            "nothing between ';' separators — remove the extra ';' or add <label>:<key>=<value>",
          ),
        );
      }
      return err(
        positioned(
          segment.start,
          `'${segment.text}' has no ':' — expected <label>:<key>=<value>, for example 0:space=lan`,
        ),
      );
    }
    const label = segment.text.slice(0, colon);
    const bad = labelProblem(label);
    if (bad) return err(positioned(segment.start + bad.index, bad.reason));
    const earlier = firstSeen.get(label);
    if (earlier !== undefined) {
      return err(
        positioned(
          segment.start,
          `label '${label}' is used twice (first at position ${earlier}) — each label may appear once`,
        ),
      );
    }
    firstSeen.set(label, segment.start);

    const body = segment.text.slice(colon + 1);
    const bodyStart = segment.start + colon + 1;
    if (body === '') {
      return err(positioned(bodyStart, `label '${label}' has no constraints — add <key>=<value> after '${label}:'`));
    }
    const set: ConstraintSet = {};
    for (const pair of splitWithOffsets(body, bodyStart, ',')) {
      const eq = pair.text.indexOf('=');
      if (pair.text === '') {
        return err(
          positioned(pair.start, `empty constraint in label '${label}' — remove the extra ',' or add <key>=<value>`),
        );
      }
      if (eq < 0) {
        return err(
          positioned(pair.start, `'${pair.text}' has no '=' — write <key>=<value>, for example ${pair.text}=…`),
        );
      }
      const key = pair.text.slice(0, eq);
      if (key === '') return err(positioned(pair.start, "a key is missing before '='"));
      if (!isConstraintKey(key)) return err(positioned(pair.start, keyProblem(key)));
      const value = pair.text.slice(eq + 1);
      const problem = valueProblem(splitKey(key).base, value);
      if (problem) return err(positioned(pair.start + eq + 1, problem));
      const list = set[key] ?? [];
      list.push(value);
      set[key] = list;
    }
    map.set(label, set);
  }
  return ok(map);
}
