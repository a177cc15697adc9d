import fc from 'fast-check';
import { constraintKeys, splitKey, type ConstraintKey } from './keys';
import type { ConstraintSet, InterfaceConstraintMap } from './types';
import { interfaceKinds } from '../../snapshot/types';

export const arbLabel = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_-]{0,12}$/);

const arbFreeText = fc.stringMatching(/^[a-zA-Z0-9_.:=/ -]{0,12}[a-zA-Z0-9]$/);

export function arbValue(key: ConstraintKey): fc.Arbitrary<string> {
  switch (splitKey(key).base) {
    case 'vid':
      return fc.oneof(fc.constant('untagged'), fc.integer({ min: 0, max: 4094 }).map(String));
    case 'mode':
      return fc.constantFrom('unconfigured', 'Unconfigured');
    case 'ip':
      return fc.oneof(fc.ipV4(), fc.ipV6());
    case 'subnet_cidr':
      return fc.oneof(
        fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, p]) => `${a}/${p}`),
        fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([a, p]) => `${a}/${p}`),
      );
    case 'link_speed':
    case 'id':
      return fc.nat({ max: 100000 }).map(String);
    case 'type':
      return fc.constantFrom(...interfaceKinds);
    default:
      return arbFreeText;
  }
}

export const arbConstraintSet: fc.Arbitrary<ConstraintSet> = fc
  .uniqueArray(fc.constantFrom(...constraintKeys), { minLength: 1, maxLength: 5 })
  .chain((keys) =>
    fc.tuple(...keys.map((k) => fc.array(arbValue(k), { minLength: 1, maxLength: 3 }))).map((lists) => {
      const set: ConstraintSet = {};
      keys.forEach((k, i) => {
        set[k] = lists[i] ?? [];
      });
      return set;
    }),
  );

export const arbConstraintMap: fc.Arbitrary<InterfaceConstraintMap> = fc
  .uniqueArray(fc.tuple(arbLabel, arbConstraintSet), { maxLength: 5, selector: ([l]) => l })
  .map((entries) => new Map(entries));
