// Not in harness.ts: Playwright specs import that, and this needs vitest.
import { afterEach } from 'vitest';
import { startCore, type TestCore } from './harness';

/**
 * For files whose tests each start their own engines: the returned function starts one and it is
 * cleaned up after the test. Call once at the top of the file.
 */
export function coresPerTest(): (o?: Parameters<typeof startCore>[0]) => Promise<TestCore> {
  let cores: TestCore[] = [];
  afterEach(async () => {
    await Promise.all(cores.map((c) => c.cleanup()));
    cores = [];
  });
  return async (o = {}) => {
    const c = await startCore(o);
    cores.push(c);
    return c;
  };
}
