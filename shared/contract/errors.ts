import { z } from 'zod';

/** Every failure that crosses the boundary has this shape, so the UI can always show the command and stderr. */
export const errorKinds = [
  'validation',
  'notFound',
  'connect',
  'timeout',
  'auth',
  'hostKeyUnknown',
  'hostKeyMismatch',
  'hostKeyRevoked',
  'hostKeyRejected',
  'remote',
  'noLibvirt',
  'cancelled',
  'internal',
] as const;
export const ErrorKind = z.enum(errorKinds);
export type ErrorKind = z.infer<typeof ErrorKind>;

export const AppErrorShape = z.object({
  kind: ErrorKind,
  message: z.string(),
  /** The remote command as it was run (argv joined for display), when one was involved. */
  command: z.string().optional(),
  stderr: z.string().optional(),
  exitCode: z.number().int().nullable().optional(),
  /** Host-key failures carry both fingerprints so the user can compare them. */
  knownFingerprint: z.string().optional(),
  presentedFingerprint: z.string().optional(),
  /** Grammar errors carry the character position. */
  position: z.number().int().optional(),
  hint: z.string().optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

/**
 * The one error type on both sides of the boundary: services throw it, adapters serialise its shape
 * unchanged, and the renderer's client throws it again from the shape it receives.
 */
export class AppError extends Error {
  readonly shape: AppErrorShape;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'AppError';
    this.shape = shape;
  }
  get kind(): ErrorKind {
    return this.shape.kind;
  }
  get command(): string | undefined {
    return this.shape.command;
  }
  get stderr(): string | undefined {
    return this.shape.stderr;
  }
}

export function toErrorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return err.shape;
  if (err instanceof z.ZodError) {
    return { kind: 'validation', message: formatZodError(err) };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { kind: 'internal', message };
}

export function formatZodError(err: z.ZodError): string {
  return err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
