import { z } from 'zod';

/** Questions the engine asks the user mid-operation (host keys, passphrases, passwords). */
export const HostKeyPrompt = z.object({
  kind: z.literal('hostKey'),
  promptId: z.string(),
  host: z.string(),
  port: z.number().int(),
  keyType: z.string(),
  fingerprint: z.string(),
});
export const SecretPrompt = z.object({
  kind: z.literal('secret'),
  promptId: z.string(),
  secretKind: z.enum(['password', 'passphrase']),
  host: z.string(),
  port: z.number().int(),
  user: z.string(),
  keyPath: z.string().optional(),
  /** Shown when a previous answer was wrong. */
  retry: z.boolean().default(false),
  /** Set when a password cannot be remembered (no OS keyring): why, in words for the user. */
  cannotRemember: z.string().optional(),
});
export const Prompt = z.discriminatedUnion('kind', [HostKeyPrompt, SecretPrompt]);
export type Prompt = z.infer<typeof Prompt>;
export type HostKeyPrompt = z.infer<typeof HostKeyPrompt>;
export type SecretPrompt = z.infer<typeof SecretPrompt>;

export const hostKeyDecisions = ['once', 'remember', 'cancel'] as const;
export const PromptAnswer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hostKey'), promptId: z.string(), decision: z.enum(hostKeyDecisions) }),
  z.object({
    kind: z.literal('secret'),
    promptId: z.string(),
    /** null = cancelled */
    value: z.string().nullable(),
    remember: z.boolean().default(false),
  }),
]);
export type PromptAnswer = z.infer<typeof PromptAnswer>;
