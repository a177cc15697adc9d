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
  outcome: z.enum(['ok', 'failed', 'timeout', 'cancelled']),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
