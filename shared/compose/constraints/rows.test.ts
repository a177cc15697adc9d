import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbConstraintMap } from './arbitraries.test-util';
import { mapToRows, rowsToMap, rowsToText, textToRows } from './rows';

describe('visual builder rows', () => {
  it('splits not_ keys into negated entries', () => {
    const rows = textToRows('0:space=lan,not_name=eth0,name=br0,name=br1');
    expect(rows).toEqual({
      ok: true,
      value: [
        {
          label: '0',
          constraints: [
            { key: 'space', negated: false, value: 'lan' },
            { key: 'name', negated: true, value: 'eth0' },
            { key: 'name', negated: false, value: 'br0' },
            { key: 'name', negated: false, value: 'br1' },
          ],
        },
      ],
    });
  });

  it('rows → text', () => {
    expect(
      rowsToText([
        { label: 'eth0', constraints: [{ key: 'vid', negated: false, value: '10' }] },
        { label: 'eth1', constraints: [{ key: 'space', negated: true, value: 'dmz' }] },
      ]),
    ).toEqual({ ok: true, value: 'eth0:vid=10;eth1:not_space=dmz' });
  });

  it('reports the row and entry that is wrong', () => {
    expect(rowsToMap([{ label: 'x', constraints: [{ key: 'mode', negated: true, value: 'unconfigured' }] }])).toEqual({
      ok: false,
      error: { row: 0, constraint: 0, field: 'key', message: "row 1: 'mode' cannot be negated" },
    });
    const dup = rowsToMap([
      { label: 'a', constraints: [{ key: 'name', negated: false, value: 'x' }] },
      { label: 'a', constraints: [{ key: 'name', negated: false, value: 'y' }] },
    ]);
    expect(dup.ok || dup.error.row).toBe(1);
    const bad = rowsToMap([{ label: 'a', constraints: [{ key: 'vid', negated: false, value: '9999' }] }]);
    expect(bad.ok || bad.error).toMatchObject({ row: 0, constraint: 0, field: 'value' });
    const empty = rowsToMap([{ label: 'a', constraints: [] }]);
    expect(empty.ok || empty.error.field).toBe('row');
    const comma = rowsToMap([{ label: 'a', constraints: [{ key: 'name', negated: false, value: 'a,b' }] }]);
    expect(comma.ok || comma.error.field).toBe('value');
    const label = rowsToMap([{ label: '', constraints: [{ key: 'name', negated: false, value: 'a' }] }]);
    expect(label.ok || label.error.field).toBe('label');
  });

  it('map → rows → map is the identity (fast-check)', () => {
    fc.assert(
      fc.property(arbConstraintMap, (m) => {
        const back = rowsToMap(mapToRows(m));
        expect(back).toEqual({ ok: true, value: m });
      }),
      { numRuns: 300 },
    );
  });
});
