import { z } from 'zod';

export const AuditEntry = z.object({
  id: z.string(),
  hostId: z.string().optional(),
  host: z.string(),
  argv: z.array(z.string()),
  /** What went in on stdin, when it matters to a reader (e.g. the snapshot script, domain XML). */
  stdinNote: z.string().optional(),
  startedAt: z.string(),
  durationMs: z.number(),
  exitCode: z.number().int().nullable(),
  stderrHead: z.string(),
  /**
   * `probe`: a lookup whose expected "no" is a non-zero exit (compose asking `virsh domuuid` whether
   * a name is free): recorded, but not a failure.
   */
  outcome: z.enum(['ok', 'failed', 'probe', 'timeout', 'cancelled']),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
