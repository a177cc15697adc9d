import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { injectionCorpus } from './injection-corpus';
import { quoteArg, quoteArgv } from './shell-quote';

describe('quoteArg', () => {
  it('leaves plain words bare', () => {
    expect(quoteArg('qemu:///system')).toBe('qemu:///system');
    expect(quoteArg('net-list')).toBe('net-list');
  });

  it('quotes the empty string', () => {
    expect(quoteArg('')).toBe("''");
  });

  it.each(injectionCorpus)('round-trips %j through /bin/sh as data', (s) => {
    const out = execFileSync('/bin/sh', ['-c', `printf '%s' ${quoteArg(s)}`], { encoding: 'utf8' });
    expect(out).toBe(s);
  });

  it('keeps argv boundaries', () => {
    const argv = ['printf', '%s|', ...injectionCorpus.filter((s) => s !== '')];
    const out = execFileSync('/bin/sh', ['-c', quoteArgv(argv)], { encoding: 'utf8' });
    expect(out).toBe(
      injectionCorpus
        .filter((s) => s !== '')
        .map((s) => `${s}|`)
        .join(''),
    );
  });
});

// Issue 10, defect 6: quoting edges.
describe('quoteArg edges', () => {
  it('rejects NUL in any remote argument', () => {
    expect(() => quoteArg('a\0b')).toThrow(/NUL/);
    expect(() => quoteArgv(['virsh', 'x\0'])).toThrow(/NUL/);
  });
  it('quotes words starting with = or ~ (zsh =cmd, tilde expansion)', () => {
    expect(quoteArg('=ls')).toBe("'=ls'");
    expect(quoteArg('~root')).toBe("'~root'");
    expect(quoteArg('~')).toBe("'~'");
    expect(quoteArg('a=b')).toBe('a=b');
  });
});
