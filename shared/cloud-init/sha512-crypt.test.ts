import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hashPassword, randomSalt, sha512Crypt } from './sha512-crypt';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

/** A small seeded generator, so "random" inputs are the same on every run. */
function prng(seed: number): (n: number) => Uint8Array {
  let x = seed >>> 0;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      out[i] = x >>> 24;
    }
    return out;
  };
}

describe('sha512Crypt', () => {
  // Ulrich Drepper, "Unix crypt using SHA-256 and SHA-512", the SHA-512 test vectors. The spec's
  // third vector spells out rounds=5000; glibc then echoes it, we omit the default (same hash).
  it.each([
    [
      'saltstring',
      'Hello world!',
      undefined,
      '$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1',
    ],
    [
      'saltstringsaltstring',
      'Hello world!',
      10000,
      '$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.',
    ],
    [
      'toolongsaltstring',
      'This is just a test',
      5000,
      '$6$toolongsaltstrin$lQ8jolhgVRVhY4b5pZKaysCLi0QBxGoNeKQzQ3glMhwllF7oGDZxUhx1yxdYcz/e1JSbq3y6JMxxl8audkUEm0',
    ],
    [
      'anotherlongsaltstring',
      'a very much longer text to encrypt.  This one even stretches over morethan one line.',
      1400,
      '$6$rounds=1400$anotherlongsalts$POfYwTEok97VWcjxIiSOjiykti.o/pQs.wPvMxQ6Fm7I6IoYN3CmLs66x9t0oSwbtEW7o7UmJEiDwGqd8p4ur1',
    ],
    [
      'short',
      'we have a short salt string but not a short password',
      77777,
      '$6$rounds=77777$short$WuQyW2YR.hBNpjjRhpYD/ifIw05xdfeEyQoMxIXbkvr0gge1a1x3yRULJ5CCaUeOxFmtlcGZelFl5CxtgfiAc0',
    ],
    [
      'asaltof16chars..',
      'a short string',
      123456,
      '$6$rounds=123456$asaltof16chars..$BtCwjqMJGx5hrJhZywWvt0RLE8uZ4oPwcelCjmw2kSYu.Ec6ycULevoBK25fs2xXgMNrCzIMVcgEJAstJeonj1',
    ],
    [
      'roundstoolow',
      'the minimum number is still observed',
      10,
      '$6$rounds=1000$roundstoolow$kUMsbe306n21p9R.FRkW3IGn.S9NPN0x50YhH1xhLsPuWGsUSklZt58jaTfF4ZEQpyUNGc0dqbpBYYBaHHrsX.',
    ],
  ])('Drepper vector: salt %s', (salt, password, rounds, expected) => {
    expect(sha512Crypt(password, salt, rounds)).toBe(expected);
  });

  it('throws on a salt outside the crypt alphabet and on fractional rounds', () => {
    expect(() => sha512Crypt('x', 'a$b')).toThrow(/salt/);
    expect(() => sha512Crypt('x', 'ab', 5000.5)).toThrow(/integer/);
  });

  const passwords = [
    '',
    'a',
    'hunter2',
    'pässwörd',
    '密码🔑 with spaces',
    'x'.repeat(64),
    'y'.repeat(129),
    'quote\'"\\$`',
  ];
  const random = prng(42);
  const cases = passwords.map((p, i) => [p, randomSalt(random, 1 + ((i * 5) % 16))] as const);

  // openssl prints <NULL> for an empty password argument; glibc below covers ''.
  it.skipIf(!has('openssl'))('matches `openssl passwd -6 -salt SALT PASSWORD` [needs openssl]', () => {
    for (const [password, salt] of cases.filter(([p]) => p !== '')) {
      const r = spawnSync('openssl', ['passwd', '-6', '-salt', salt, password], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(sha512Crypt(password, salt)).toBe(r.stdout.trim());
    }
  });

  // openssl passwd cannot set rounds; glibc's crypt(3) through Python 3.11's crypt module can.
  const py = '/usr/bin/python3';
  const hasPyCrypt = spawnSync(py, ['-W', 'ignore', '-c', 'import crypt'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasPyCrypt)('matches glibc crypt(3) with rounds [needs /usr/bin/python3 with its crypt module]', () => {
    for (const [i, [password, salt]] of cases.entries()) {
      const rounds = [1000, 5001, 12345, 4999][i % 4]!;
      const r = spawnSync(
        py,
        [
          '-W',
          'ignore',
          '-c',
          'import crypt,sys; print(crypt.crypt(sys.argv[1], sys.argv[2]))',
          password,
          `$6$rounds=${rounds}$${salt}`,
        ],
        { encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      expect(sha512Crypt(password, salt, rounds)).toBe(r.stdout.trim());
    }
  });
});

describe('randomSalt / hashPassword', () => {
  it('draws from the crypt alphabet with the asked length', () => {
    const s = randomSalt(prng(1));
    expect(s).toMatch(/^[./0-9A-Za-z]{16}$/);
    expect(randomSalt(() => new Uint8Array([0, 63, 64, 255]), 4)).toBe('.z.z');
    expect(() => randomSalt(prng(1), 17)).toThrow(/1–16/);
    expect(() => randomSalt(() => new Uint8Array(2), 8)).toThrow(/only 2/);
  });

  it('hashes with a fresh salt each time', () => {
    const random = prng(7);
    const a = hashPassword('secret', random);
    const b = hashPassword('secret', random);
    expect(a).toMatch(/^\$6\$[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{86}$/);
    expect(a).not.toBe(b);
    const salt = a.split('$')[2]!;
    expect(sha512Crypt('secret', salt)).toBe(a);
  });
});
