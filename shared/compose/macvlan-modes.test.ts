import { describe, expect, it } from 'vitest';
import { macvlanModeExplanation, macvlanModeInfo, macvlanModes, normalizeMacvlanMode } from './macvlan-modes';

describe('macvlan modes', () => {
  it('describes exactly the four libvirt modes', () => {
    expect(macvlanModeInfo.map((m) => m.mode).sort()).toEqual([...macvlanModes].sort());
    for (const m of macvlanModeInfo) {
      expect(m.explanation.length).toBeGreaterThan(10);
      expect(m.consequence.length).toBeGreaterThan(10);
      expect(m.explanation).not.toMatch(/\n/);
    }
  });
  it('never spells passthru', () => {
    expect(JSON.stringify(macvlanModeInfo)).not.toMatch(/passthru\b/);
    expect(macvlanModeExplanation('vepa').consequence).toMatch(/switch/);
  });
  it('normalises MAAS’s passthru and rejects junk', () => {
    expect(normalizeMacvlanMode('passthru')).toBe('passthrough');
    expect(normalizeMacvlanMode(' Bridge ')).toBe('bridge');
    expect(normalizeMacvlanMode('')).toBeNull();
    expect(normalizeMacvlanMode('source')).toBeNull();
    expect(normalizeMacvlanMode(undefined)).toBeNull();
  });
});
