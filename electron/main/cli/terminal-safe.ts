/**
 * Host-controlled text (names, stderr, XML) must not drive the user's terminal: C0 controls other
 * than newline and tab, DEL and the C1 range (0x80–0x9f, where U+009B is a one-byte CSI on many
 * terminals) are shown as `\u00XX`. The same form is a valid JSON escape, so `--json` output stays
 * parseable and means the same text.
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Routes console.log/console.error through terminalSafe for the rest of the process (the CLI's). */
export function makeConsoleTerminalSafe(c: Pick<Console, 'log' | 'error'> = console): void {
  const wrap =
    (f: (...a: unknown[]) => void) =>
    (...a: unknown[]) =>
      f(...a.map((x) => (typeof x === 'string' ? terminalSafe(x) : x)));
  c.log = wrap(c.log.bind(c));
  c.error = wrap(c.error.bind(c));
}
