import type { AppErrorShape } from '../../../shared/contract';

/** Thrown by the client for every failure, so callers can always show kind, message, command and stderr. */
export class ClientError extends Error {
  readonly shape: AppErrorShape;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ClientError';
    this.shape = shape;
  }
}

/** Normalises anything caught into an AppErrorShape for display. */
export function errorShapeOf(err: unknown): AppErrorShape {
  if (err instanceof ClientError) return err.shape;
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}
