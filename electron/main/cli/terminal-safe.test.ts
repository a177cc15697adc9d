import { describe, expect, it } from 'vitest';
import { makeConsoleTerminalSafe, terminalSafe } from './terminal-safe';

// Issue 10, defect 11: the CLI prints host-controlled text; no control characters may reach the terminal.
describe('terminalSafe', () => {
  it('escapes C0 (but newline and tab), DEL and C1', () => {
    expect(terminalSafe('vm\u001b]0;pwned\u0007\r\n\tok\u009b31m\u007f')).toBe(
      'vm\\u001b]0;pwned\\u0007\\u000d\n\tok\\u009b31m\\u007f',
    );
    expect(terminalSafe('plain ünïcode ✓')).toBe('plain ünïcode ✓');
  });

  it('keeps JSON output valid and meaning the same text', () => {
    const value = { name: 'a\u001bb\u009bc' };
    const out = terminalSafe(JSON.stringify(value));
    // eslint-disable-next-line no-control-regex
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(out)).toEqual(value);
  });

  it('wraps console.log and console.error', () => {
    const seen: unknown[] = [];
    const c = { log: (...a: unknown[]) => seen.push(...a), error: (...a: unknown[]) => seen.push(...a) };
    makeConsoleTerminalSafe(c);
    c.log('x\u001b[2J');
    c.error('y\u0085', 3);
    expect(seen).toEqual(['x\\u001b[2J', 'y\\u0085', 3]);
  });
});
