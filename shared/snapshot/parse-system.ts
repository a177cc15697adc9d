import type { SystemInfo } from './types';

/** The script's key=value sections (`system`, `user`); the first value of a key wins. */
export function keyValues(body: string): Map<string, string> {
  const kv = new Map<string, string>();
  for (const line of body.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && !kv.has(line.slice(0, eq))) kv.set(line.slice(0, eq), line.slice(eq + 1).trim());
  }
  return kv;
}

/** Parses the script's `system` section: key=value lines from uname, getconf and /proc. */
export function parseSystem(body: string): SystemInfo {
  const kv = keyValues(body);
  const info: SystemInfo = {};
  const num = (key: string): number | undefined => {
    const n = Number(kv.get(key));
    return kv.get(key) && Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const arch = kv.get('arch');
  const kernel = kv.get('kernel');
  const cpuModel = kv.get('cpumodel');
  const cpus = num('cpus');
  const memoryKiB = num('memkib');
  const availableKiB = num('memavailkib');
  if (arch) info.arch = arch;
  if (kernel) info.kernel = kernel;
  if (cpus !== undefined) info.cpus = Math.trunc(cpus);
  if (cpuModel) info.cpuModel = cpuModel;
  if (memoryKiB !== undefined) info.memoryKiB = memoryKiB;
  if (availableKiB !== undefined) info.memoryAvailableKiB = availableKiB;
  return info;
}
