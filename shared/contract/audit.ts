import { z } from 'zod';

export const AuditEntry = z.object({
  id: z.string(),
  hostId: z.string().optional(),
  host: z.string(),
  argv: z.array(z.string()),
  startedAt: z.string(),
  durationMs: z.number(),
  exitCode: z.number().int().nullable(),
  stderrHead: z.string(),
  outcome: z.enum(['ok', 'failed', 'timeout', 'cancelled']),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
