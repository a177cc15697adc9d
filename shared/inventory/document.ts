import { z } from 'zod';
import { HostConfig } from '../contract/host';

export const CURRENT_SCHEMA_VERSION = 1;

/**
 * The whole inventory as stored on disk. Marks (spaces, fabrics, VLAN names, external DHCP) are kept
 * per host id and validated by the feature that owns them.
 */
export const InventoryDocument = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  hosts: z.array(HostConfig),
  marks: z.record(z.string(), z.unknown()).default({}),
});
export type InventoryDocument = z.infer<typeof InventoryDocument>;

export const emptyInventory = (): InventoryDocument => ({
  schemaVersion: CURRENT_SCHEMA_VERSION,
  hosts: [],
  marks: {},
});

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** Index n migrates from schema version n to n+1. Version 0 was a bare array of hosts. */
const migrations: Migration[] = [(doc) => ({ schemaVersion: 1, hosts: doc.hosts ?? [], marks: {} })];

/** Brings any older document to the current version; a newer one is refused rather than mangled. */
export function migrateInventory(raw: unknown): InventoryDocument {
  let doc: Record<string, unknown> = Array.isArray(raw)
    ? { schemaVersion: 0, hosts: raw }
    : ((raw ?? {}) as Record<string, unknown>);
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0;
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new Error(
      `Inventory schema version ${version} is newer than this LabDeck understands (${CURRENT_SCHEMA_VERSION}).`,
    );
  }
  while (version < CURRENT_SCHEMA_VERSION) {
    const m = migrations[version];
    if (!m) throw new Error(`No migration from inventory schema version ${version}.`);
    doc = m(doc);
    version++;
  }
  const parsed = InventoryDocument.parse(doc);
  const ids = new Set<string>();
  for (const h of parsed.hosts) {
    if (ids.has(h.id)) throw new Error(`Inventory lists host id ${h.id} twice.`);
    ids.add(h.id);
  }
  return parsed;
}
