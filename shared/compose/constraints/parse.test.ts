import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbConstraintMap } from './arbitraries.test-util';
import { parseInterfaceConstraints } from './parse';
import { serializeInterfaceConstraints } from './serialize';

function parsed(text: string) {
  const r = parseInterfaceConstraints(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function failure(text: string) {
  const r = parseInterfaceConstraints(text);
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  return r.error;
}

describe('parseInterfaceConstraints — grammar', () => {
  it('parses one label with one pair', () => {
    expect(parsed('eth0:space=lan')).toEqual(new Map([['eth0', { space: ['lan'] }]]));
  });

  it('collects a repeated key in order', () => {
    expect(parsed('a:name=abc,name=def')).toEqual(new Map([['a', { name: ['abc', 'def'] }]]));
  });

  it('keeps several labels in typed order, numeric ones included', () => {
    const m = parsed('1:space=b;0:space=a;eth:vid=5');
    expect([...m.keys()]).toEqual(['1', '0', 'eth']);
  });

  it('allows ":" and "=" inside values (split on the first only)', () => {
    expect(parsed('0:ip=fe80::1,name=a=b')).toEqual(new Map([['0', { ip: ['fe80::1'], name: ['a=b'] }]]));
  });

  it('treats empty or whitespace-only text as no constraints (as MAAS’s form field does)', () => {
    expect(parsed('')).toEqual(new Map());
    expect(parsed('   \t\n')).toEqual(new Map());
  });

  it('does not trim a non-empty text: a leading space makes the label invalid (as in MAAS)', () => {
    const e = failure(' 0:space=a');
    expect(e.position).toBe(0);
    expect(e.message).toMatch(/must start with a letter or a digit/);
  });

  it('rejects a single character (MAAS silently returned {} for any text of length 1)', () => {
    expect(failure('x').message).toMatch(/has no ':'/);
  });

  it('rejects a duplicate label, pointing at the second one', () => {
    const e = failure('a:space=x;a:space=y');
    expect(e.position).toBe(10);
    expect(e.message).toBe("position 10: label 'a' is used twice (first at position 0) — each label may appear once");
  });

  it('rejects a label without pairs', () => {
    const e = failure('a:space=x;b:');
    expect(e.position).toBe(12);
    expect(e.message).toMatch(/label 'b' has no constraints/);
  });

  it('rejects a pair without "="', () => {
    const e = failure('a:space=x,name');
    expect(e.position).toBe(10);
    expect(e.message).toMatch(/'name' has no '='/);
  });

  it('rejects an empty pair and an empty segment', () => {
    expect(failure('a:space=x,').position).toBe(10);
    expect(failure('a:space=x;').position).toBe(10);
    expect(failure('a:space=x;;b:space=y').position).toBe(10);
  });

  it('rejects a segment without ":"', () => {
    expect(failure('a:space=x;bspace=y')).toEqual({
      position: 10,
      message: "position 10: 'bspace=y' has no ':' — expected <label>:<key>=<value>, for example 0:space=lan",
    });
  });

  it('points at the first bad character of a label', () => {
    const e = failure('ab.c:space=x');
    expect(e.position).toBe(2);
    expect(e.message).toMatch(/contains '\.'/);
    expect(failure('_a:space=x').position).toBe(0);
    expect(failure(':space=x').message).toMatch(/a label is missing/);
  });

  it('accepts labels with dashes and underscores after the first character', () => {
    expect([...parsed('a-b_c:space=x').keys()]).toEqual(['a-b_c']);
  });
});

describe('parseInterfaceConstraints — keys', () => {
  it('names the nearest key for a typo', () => {
    expect(failure('eth0:spce=lan')).toEqual({
      position: 5,
      message: "position 5: key 'spce' is not known — did you mean 'space'?",
    });
    expect(failure('0:subnets=10.0.0.0/8').message).toMatch(/did you mean 'subnet'\?/);
    expect(failure('0:not_spac=x').message).toMatch(/did you mean 'not_space'\?/);
  });

  it('accepts every base key and the negated forms MAAS has', () => {
    const text =
      '0:id=1,fabric=f,fabric_class=10g,ip=10.0.0.1,mode=unconfigured,name=br0,hostname=h,subnet=s,space=sp,' +
      'subnet_cidr=10.0.0.0/24,type=bridge,vlan=v,vid=untagged,tag=t,link_speed=1000;' +
      '1:not_id=2,not_fabric=f,not_fabric_class=1g,not_ip=::1,not_name=eth0,not_hostname=h,not_subnet=s,' +
      'not_space=sp,not_subnet_cidr=::/0,not_vlan=v,not_vid=7,not_tag=t';
    const m = parsed(text);
    expect(Object.keys(m.get('0') ?? {})).toHaveLength(15);
    expect(Object.keys(m.get('1') ?? {})).toHaveLength(12);
  });

  it.each(['not_mode', 'not_type', 'not_link_speed'])('rejects %s, explaining it cannot be negated', (key) => {
    expect(failure(`0:${key}=x`).message).toMatch(/cannot be negated/);
  });

  it('rejects a missing key', () => {
    expect(failure('0:=x').message).toMatch(/a key is missing/);
  });

  it('rejects keys that would poison an object', () => {
    expect(parseInterfaceConstraints('0:__proto__=x').ok).toBe(false);
    expect(parseInterfaceConstraints('0:constructor=x').ok).toBe(false);
  });
});

describe('parseInterfaceConstraints — values', () => {
  it.each(['untagged', 'UNTAGGED', '0', '4094', '0x10', '0b101', ' 7 '])('vid=%s is valid', (v) => {
    expect(parseInterfaceConstraints(`0:vid=${v}`).ok).toBe(true);
  });
  it.each(['4095', '-1', 'ten', '1.5', ''])('vid=%s is not', (v) => {
    const e = failure(`0:vid=${v}`);
    expect(e.position).toBe(6);
  });
  it('vid error reads plainly', () => {
    expect(failure('0:vid=5000').message).toBe(
      "position 6: vid '5000' is not valid — use 'untagged' or a number from 0 to 4094",
    );
  });
  it('mode only unconfigured (case and spaces ignored, as MAAS)', () => {
    expect(parseInterfaceConstraints('0:mode= Unconfigured ').ok).toBe(true);
    expect(failure('0:mode=dhcp').message).toMatch(/only mode is 'unconfigured'/);
  });
  it('ip must be an address', () => {
    expect(parseInterfaceConstraints('0:ip=2001:db8::5').ok).toBe(true);
    expect(failure('0:ip=10.0.0.256')).toEqual({
      position: 5,
      message: "position 5: ip '10.0.0.256' is not a valid IPv4 or IPv6 address",
    });
  });
  it('subnet_cidr must be a CIDR', () => {
    expect(parseInterfaceConstraints('0:subnet_cidr=192.168.0.0/16').ok).toBe(true);
    expect(failure('0:subnet_cidr=192.168.0.0').message).toMatch(/not a valid CIDR/);
  });
  it('link_speed must be an integer', () => {
    expect(parseInterfaceConstraints('0:link_speed=10000').ok).toBe(true);
    expect(failure('0:link_speed=1g').message).toMatch(/whole number/);
  });
  it('type must be a kind, with a suggestion', () => {
    expect(failure('0:type=brige').message).toMatch(/did you mean 'bridge'\?/);
  });
  it('an empty value is an error', () => {
    expect(failure('0:name=').message).toMatch(/empty value/);
    expect(failure('0:name=,space=x').position).toBe(7);
  });
});

describe('round trips (fast-check)', () => {
  it('parse(serialize(m)) equals m for generated valid maps', () => {
    fc.assert(
      fc.property(arbConstraintMap, (m) => {
        const text = serializeInterfaceConstraints(m);
        const back = parseInterfaceConstraints(text);
        expect(back.ok).toBe(true);
        if (back.ok) {
          expect(back.value).toEqual(m);
          expect([...back.value.keys()]).toEqual([...m.keys()]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('serialize(parse(s)) parses back to the same map, for any text that parses', () => {
    const pieces = fc.constantFrom(
      '0',
      'a',
      ':',
      '=',
      ',',
      ';',
      'space',
      'vid',
      'name',
      'br0',
      '5',
      'not_',
      'x',
      ' ',
      '::1',
    );
    const arbText = fc.oneof(
      arbConstraintMap.map((m) => serializeInterfaceConstraints(m)),
      fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(arbText, (s) => {
        const first = parseInterfaceConstraints(s);
        if (!first.ok) return;
        const again = parseInterfaceConstraints(serializeInterfaceConstraints(first.value));
        expect(again).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, and error positions lie within the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const r = parseInterfaceConstraints(s);
        if (!r.ok) {
          expect(r.error.position).toBeGreaterThanOrEqual(0);
          expect(r.error.position).toBeLessThanOrEqual(s.length);
          expect(r.error.message.startsWith(`position ${r.error.position}: `)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('serializeInterfaceConstraints', () => {
  it('writes the empty map as the empty string', () => {
    expect(serializeInterfaceConstraints(new Map())).toBe('');
  });
  it('groups repeated keys', () => {
    expect(serializeInterfaceConstraints(parsed('a:name=x,space=y,name=z'))).toBe('a:name=x,name=z,space=y');
  });
  it('refuses what the grammar cannot express', () => {
    expect(() => serializeInterfaceConstraints(new Map([['a', { name: ['x,y'] }]]))).toThrow(TypeError);
    expect(() => serializeInterfaceConstraints(new Map([['a b', { name: ['x'] }]]))).toThrow(TypeError);
    expect(() => serializeInterfaceConstraints(new Map([['a', {}]]))).toThrow(/no constraints/);
  });
});
