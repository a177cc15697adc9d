import type { NodeInfo } from './types';
import { keyValueLines } from './virsh-text';

/** Parses `virsh nodeinfo`; undefined when the section holds no CPU count (an error instead). */
export function parseNodeinfo(body: string): NodeInfo | undefined {
  const kv = keyValueLines(body);
  const int = (key: string): number => {
    const n = parseInt(kv.get(key) ?? '', 10);
    return Number.isFinite(n) && n >= 0 ? n : 0;
  };
  if (!kv.has('CPU(s)')) return undefined;
  const node: NodeInfo = {
    cpus: int('CPU(s)'),
    cpuModel: kv.get('CPU model') ?? '',
    mhz: int('CPU frequency'), // "2400 MHz"
    sockets: int('CPU socket(s)'),
    cores: int('Core(s) per socket'),
    threads: int('Thread(s) per core'),
    memoryKiB: int('Memory size'), // "8388608 KiB": nodeinfo always prints KiB
  };
  if (kv.has('NUMA cell(s)')) node.numaCells = int('NUMA cell(s)');
  return node;
}
