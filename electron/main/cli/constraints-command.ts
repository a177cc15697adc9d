import { parseInterfaceConstraints, type InterfaceConstraintMap } from '../../../shared/compose/constraints';

/**
 * The map as JSON with the labels in the order typed. Built by hand because a JS object would put
 * numeric labels ("1", "0") first in ascending order, whatever order they were written in.
 */
export function constraintMapJson(map: InterfaceConstraintMap): string {
  const labels = [...map].map(([label, set]) => {
    const keys = Object.entries(set).map(
      ([k, values]) => `${JSON.stringify(k)}: [${(values ?? []).map((v) => JSON.stringify(v)).join(', ')}]`,
    );
    return `${JSON.stringify(label)}: {${keys.join(', ')}}`;
  });
  return `{${labels.join(', ')}}`;
}

/** `labdeck constraints parse TEXT`: 0 and the JSON map, or 2 and the position with the reason. */
export function constraintsParse(text: string): number {
  const r = parseInterfaceConstraints(text);
  if (r.ok) {
    console.log(constraintMapJson(r.value));
    return 0;
  }
  console.error(`error: ${r.error.message}\n  ${text}\n  ${' '.repeat(r.error.position)}^`);
  return 2;
}
