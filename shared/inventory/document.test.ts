import { describe, expect, it } from 'vitest';
import { migrateInventory } from './document';

const host = {
  id: 'h1',
  name: 'lab',
  address: '10.0.0.1',
  port: 22,
  user: 'root',
  auth: { method: 'agent' },
  libvirtUri: 'qemu:///system',
  addedAt: '2026-01-01T00:00:00.000Z',
};

describe('migrateInventory', () => {
  it('migrates a version-0 bare array', () => {
    const doc = migrateInventory([host]);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.hosts[0]?.name).toBe('lab');
    expect(doc.hosts[0]?.pod.defaultMacvlanMode).toBe('bridge');
  });
  it('accepts the current version', () => {
    expect(migrateInventory({ schemaVersion: 1, hosts: [host], marks: {} }).hosts).toHaveLength(1);
  });
  it('refuses a newer version', () => {
    expect(() => migrateInventory({ schemaVersion: 99, hosts: [] })).toThrow(/newer/);
  });
  it('refuses duplicate ids', () => {
    expect(() => migrateInventory({ schemaVersion: 1, hosts: [host, host] })).toThrow(/twice/);
  });
  it('refuses invalid hosts', () => {
    expect(() => migrateInventory({ schemaVersion: 1, hosts: [{ ...host, port: 0 }] })).toThrow();
  });
});
