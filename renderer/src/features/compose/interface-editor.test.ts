import { describe, expect, it } from 'vitest';
import {
  checkInterfaces,
  editRows,
  editText,
  effectiveInterfaceText,
  emptyInterfaceEditor,
  nextLabel,
  withKey,
} from './interface-editor';

describe('interface editor: text and builder follow each other', () => {
  it('builder rows become the constraint text', () => {
    const e = editRows([{ label: 'eth0', constraints: [{ key: 'name', negated: false, value: 'eth1' }] }]);
    expect(e.text).toBe('eth0:name=eth1');
    expect(effectiveInterfaceText(e)).toBe('eth0:name=eth1');
  });

  it('valid text becomes rows (negation split out)', () => {
    const e = editText(emptyInterfaceEditor(), '0:space=lan,not_name=br0;1:type=bridge');
    expect(e.rows).toEqual([
      {
        label: '0',
        constraints: [
          { key: 'space', negated: false, value: 'lan' },
          { key: 'name', negated: true, value: 'br0' },
        ],
      },
      { label: '1', constraints: [{ key: 'type', negated: false, value: 'bridge' }] },
    ]);
  });

  it('broken text keeps the last good rows and reports the position', () => {
    const good = editText(emptyInterfaceEditor(), 'eth0:name=eth1');
    const bad = editText(good, 'eth0:spce=lab');
    expect(bad.rows).toEqual(good.rows);
    expect(checkInterfaces(bad).text).toMatchObject({
      position: 5,
      message: expect.stringMatching(/did you mean 'space'/),
    });
    expect(effectiveInterfaceText(bad)).toBeNull();
  });

  it('a half-filled builder row is an error in both forms', () => {
    const e = editRows([{ label: 'eth0', constraints: [{ key: 'name', negated: false, value: '' }] }]);
    expect(e.text).toBe('eth0:name=');
    expect(checkInterfaces(e).row).toMatchObject({ row: 0, constraint: 0, field: 'value' });
    expect(effectiveInterfaceText(e)).toBeNull();
  });

  it('a value with a reserved character is caught even when the text happens to parse', () => {
    const e = editRows([{ label: 'eth0', constraints: [{ key: 'name', negated: false, value: 'eth1,name=br0' }] }]);
    expect(checkInterfaces(e).text).toBeNull();
    expect(checkInterfaces(e).row?.field).toBe('value');
    expect(effectiveInterfaceText(e)).toBeNull();
  });

  it('picks unused labels and drops a negation the new key cannot take', () => {
    expect(nextLabel([{ label: 'eth1', constraints: [] }])).toBe('eth2');
    expect(withKey({ key: 'name', negated: true, value: 'x' }, 'type')).toEqual({
      key: 'type',
      negated: false,
      value: 'x',
    });
    expect(withKey({ key: 'name', negated: true, value: 'x' }, 'space').negated).toBe(true);
  });
});
