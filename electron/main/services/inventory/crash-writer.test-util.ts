// Child process for the inventory crash test (test-only: no production module imports a *.test-util.ts): rewrites the inventory as fast as it can until it is killed.
import { InventoryStore } from './inventory-store';

async function main(): Promise<void> {
  const store = new InventoryStore(process.argv[2]!);
  await store.load();
  for (let i = 1; ; i++) {
    await store.update((doc) => ({
      ...doc,
      hosts: [
        {
          id: 'h',
          name: `gen-${i}`,
          address: '10.0.0.1',
          port: 22,
          user: 'root',
          auth: { method: 'agent' },
          libvirtUri: 'qemu:///system',
          tags: Array.from({ length: 200 }, (_, k) => `tag-${i}-${k}`),
          kind: 'unknown',
          pod: { defaultMacvlanMode: 'bridge', installMode: 'manual' },
          addedAt: new Date().toISOString(),
        },
      ],
    }));
    if (i === 1) process.stdout.write('ready\n');
  }
}
void main();
