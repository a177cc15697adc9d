/** A value or a reason it could not be produced. Compose code never throws for bad user input. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** A grammar error: 0-based character index into the text the user typed, and a plain reason. */
export interface PositionedError {
  position: number;
  message: string;
}

/** Builds a PositionedError whose message starts with "position N: ". */
export function positioned(position: number, reason: string): PositionedError {
  return { position, message: `position ${position}: ${reason}` };
}
