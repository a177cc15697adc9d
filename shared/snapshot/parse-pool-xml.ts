import type { StoragePool } from './types';
import { sizeToBytes } from './units';
import { attr, child, childText, parseXmlRoot } from './xml';

/** What a pool's XML says; state and volumes come from other sections. */
export type PoolDefinition = Omit<StoragePool, 'active' | 'autostart' | 'persistent' | 'volumes'>;

/** Parses `virsh pool-dumpxml`; undefined if it isn't a pool with name and UUID. */
export function parsePoolXml(xml: string): PoolDefinition | undefined {
  const pool = parseXmlRoot(xml, 'pool');
  const name = childText(pool, 'name');
  const uuid = childText(pool, 'uuid');
  if (!pool || !name || !uuid) return undefined;
  // Pool sizes default to bytes (unlike domain memory, which defaults to KiB).
  const bytes = (el: string): number => {
    const node = child(pool, el);
    return sizeToBytes(childText(pool, el), attr(node, 'unit'), 'bytes') ?? 0;
  };
  const result: PoolDefinition = {
    name,
    uuid,
    type: attr(pool, 'type') ?? 'unknown',
    capacityBytes: bytes('capacity'),
    allocationBytes: bytes('allocation'),
    availableBytes: bytes('available'),
  };
  const path = childText(child(pool, 'target'), 'path');
  if (path) result.targetPath = path;
  return result;
}
