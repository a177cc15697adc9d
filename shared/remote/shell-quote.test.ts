import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteArg, quoteArgv } from './shell-quote';

/** Strings that must survive a trip through /bin/sh as one argument each, unchanged. */
export const injectionCorpus = [
  'plain',
  'with space',
  "it's",
  'semi;colon',
  '$(touch /tmp/labdeck-pwned)',
  '`id`',
  'a\nnewline',
  '"double"',
  "'single'",
  'back\\slash',
  '*glob?[x]',
  '-leading-dash',
  '',
  '&& rm -rf /',
  '$HOME ${PATH}',
  '| cat',
  '>redirect',
  'tab\there',
];

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
    expect(out).toBe(injectionCorpus.filter((s) => s !== '').map((s) => `${s}|`).join(''));
  });
});
