/** MAAS's label rule: `^[a-zA-Z0-9]+[a-zA-Z0-9_-]*$`. */
export const LABEL_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;

export function isValidLabel(label: string): boolean {
  return LABEL_PATTERN.test(label);
}

/**
 * Why `label` is not a valid label, with the index of the first offending character
 * (0 when it is empty), or null when it is valid.
 */
export function labelProblem(label: string): { index: number; reason: string } | null {
  if (label === '')
    return { index: 0, reason: "a label is missing before ':' — write <label>:<key>=<value>, for example 0:space=lan" };
  if (isValidLabel(label)) return null;
  const first = label[0] ?? '';
  if (!/[a-zA-Z0-9]/.test(first)) {
    return { index: 0, reason: `label '${label}' must start with a letter or a digit` };
  }
  const bad = [...label].findIndex((c) => !/[a-zA-Z0-9_-]/.test(c));
  const ch = label[bad] ?? '';
  const shown = ch === ' ' ? 'a space' : /\s/.test(ch) ? 'a whitespace character' : `'${ch}'`;
  return {
    index: bad,
    reason: `label '${label}' contains ${shown} — labels hold only letters, digits, '-' and '_'`,
  };
}
