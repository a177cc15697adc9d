import type { JobView } from '../../../../shared/contract';

const UNITS: Record<string, number> = {
  B: 1,
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KIB: 1024,
  MIB: 1024 ** 2,
  GIB: 1024 ** 3,
  TIB: 1024 ** 4,
};

function bytesOf(num: string, unit: string): number | null {
  const scale = UNITS[unit.toUpperCase()];
  const n = Number(num);
  return scale === undefined || !Number.isFinite(n) ? null : n * scale;
}

/**
 * How far an upload is, read from the words of its running step: "42%", or "120 MB of 700 MB" /
 * "120 MiB / 700 MiB", or raw byte counts "125829120/734003200 bytes". null when the step says
 * neither — then the bar just shows that something is happening.
 */
export function progressOf(description: string): { percent: number } | null {
  const pct = /(\d+(?:\.\d+)?)\s*%/.exec(description);
  if (pct) return { percent: Math.min(100, Number(pct[1])) };
  const sized = /(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)\s*(?:of|\/)\s*(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)/i.exec(description);
  if (sized) {
    const done = bytesOf(sized[1]!, sized[2]!);
    const total = bytesOf(sized[3]!, sized[4]!);
    if (done !== null && total) return { percent: Math.min(100, (100 * done) / total) };
  }
  const raw = /(\d+)\s*(?:\/|of)\s*(\d+)\s*bytes/i.exec(description);
  if (raw && Number(raw[2]) > 0) return { percent: Math.min(100, (100 * Number(raw[1])) / Number(raw[2])) };
  return null;
}

type Step = JobView['steps'][number];

/** How far a step is: the byte counts the engine sends with it, else what its words say. */
export function stepProgress(step: Step): { percent: number; doneBytes?: number; totalBytes?: number } | null {
  const p = step.progress;
  if (p && p.totalBytes > 0)
    return {
      percent: Math.min(100, (100 * p.doneBytes) / p.totalBytes),
      doneBytes: p.doneBytes,
      totalBytes: p.totalBytes,
    };
  return progressOf(step.description);
}

/** The step to show as "now": the running one, else the last that did anything. */
export function currentStep(job: JobView): JobView['steps'][number] | undefined {
  return job.steps.find((s) => s.status === 'running') ?? [...job.steps].reverse().find((s) => s.status !== 'pending');
}

/** A volume name from a path: its file name, with characters virsh names do not hold made plain. */
export function volumeNameFor(path: string): string {
  const base = path.trim().split(/[\\/]/).pop() ?? '';
  return base.replace(/[^A-Za-z0-9._+-]/g, '-').replace(/^[.-]+/, '');
}
