import { useState } from 'react';

/** Keeps showing the last non-null value, so a closing dialog does not go blank mid-animation. */
export function useLastDefined<T>(value: T | null | undefined): T | null | undefined {
  const [last, setLast] = useState(value);
  if (value != null && value !== last) setLast(value);
  return value ?? last;
}
