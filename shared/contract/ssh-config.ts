import { z } from 'zod';

/** A host found in ~/.ssh/config, offered for import. */
export const SshConfigCandidate = z.object({
  alias: z.string(),
  address: z.string(),
  port: z.number().int(),
  user: z.string(),
  identityFile: z.string().optional(),
  proxyJump: z
    .object({ address: z.string(), port: z.number().int(), user: z.string(), identityFile: z.string().optional() })
    .optional(),
});
export type SshConfigCandidate = z.infer<typeof SshConfigCandidate>;
