import {
  canNegate,
  mapToRows,
  parseInterfaceConstraints,
  rowsToMap,
  type ConstraintBaseKey,
  type ConstraintEntry,
  type ConstraintRow,
  type PositionedError,
  type RowError,
} from '../../../../shared/compose';

/**
 * The interface constraints as both the user-facing forms: MAAS's text and the visual builder's
 * rows. Whichever was edited last leads and the other follows it, so neither ever goes stale.
 */
export interface InterfaceEditor {
  text: string;
  rows: ConstraintRow[];
  source: 'text' | 'rows';
}

export const emptyInterfaceEditor = (): InterfaceEditor => ({ text: '', rows: [], source: 'text' });

/**
 * Rows written out without judging them, so a half-filled builder still shows as text and the
 * text parser can point at the exact character that is wrong.
 */
export function looseRowsText(rows: readonly ConstraintRow[]): string {
  return rows
    .map((r) => `${r.label}:${r.constraints.map((c) => `${c.negated ? 'not_' : ''}${c.key}=${c.value}`).join(',')}`)
    .join(';');
}

/** Typing in the text box: the rows follow whenever the text parses (and keep their last good shape otherwise). */
export function editText(state: InterfaceEditor, text: string): InterfaceEditor {
  const parsed = parseInterfaceConstraints(text);
  return { text, rows: parsed.ok ? mapToRows(parsed.value) : state.rows, source: 'text' };
}

export function editRows(rows: ConstraintRow[]): InterfaceEditor {
  return { text: looseRowsText(rows), rows, source: 'rows' };
}

export interface InterfaceCheck {
  /** The text's first mistake, with its 0-based position. */
  text: PositionedError | null;
  /** The builder's first mistake (row, constraint, field), when the builder leads. */
  row: RowError | null;
}

export function checkInterfaces(state: InterfaceEditor): InterfaceCheck {
  const parsed = parseInterfaceConstraints(state.text);
  const rows = state.source === 'rows' ? rowsToMap(state.rows) : null;
  return { text: parsed.ok ? null : parsed.error, row: rows && !rows.ok ? rows.error : null };
}

/** The constraint text to send, or null while either form has a mistake. */
export function effectiveInterfaceText(state: InterfaceEditor): string | null {
  const check = checkInterfaces(state);
  return check.text || check.row ? null : state.text.trim();
}

/** A label not used yet: eth0, eth1, … (the label becomes the guest's NIC name). */
export function nextLabel(rows: readonly ConstraintRow[]): string {
  const used = new Set(rows.map((r) => r.label));
  let n = rows.length;
  while (used.has(`eth${n}`)) n += 1;
  return `eth${n}`;
}

export const newEntry = (key: ConstraintBaseKey = 'name', value = ''): ConstraintEntry => ({
  key,
  negated: false,
  value,
});

/** Changing the key drops a negation the new key cannot take (MAAS has no not_type, not_mode, not_link_speed). */
export function withKey(entry: ConstraintEntry, key: ConstraintBaseKey): ConstraintEntry {
  return { ...entry, key, negated: entry.negated && canNegate(key) };
}
