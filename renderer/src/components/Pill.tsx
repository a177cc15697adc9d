import Box from '@mui/material/Box';
import { alpha, type Theme } from '@mui/material/styles';
import type { ComponentProps, ReactNode, Ref } from 'react';

export type PillTone = 'success' | 'error' | 'warning' | 'info' | 'neutral';

function toneColor(theme: Theme, tone: PillTone): string {
  return tone === 'neutral' ? theme.palette.text.secondary : theme.palette[tone].main;
}

/**
 * A state word in a rounded tint; the word always says it, colour only helps (colour-blind safe).
 * Extra props and the ref reach the span, so a Tooltip can wrap it.
 */
export function Pill({
  tone,
  children,
  leading,
  ref,
  ...rest
}: { tone: PillTone; children: string; leading?: ReactNode; ref?: Ref<HTMLSpanElement> } & Omit<
  ComponentProps<'span'>,
  'children'
>) {
  return (
    <Box
      component="span"
      ref={ref}
      {...rest}
      sx={(theme) => {
        const c = toneColor(theme, tone);
        return {
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          px: 1,
          borderRadius: 999,
          fontSize: '0.78rem',
          fontWeight: 600,
          lineHeight: 1.6,
          whiteSpace: 'nowrap',
          color: theme.palette.mode === 'light' && tone !== 'neutral' ? theme.palette[tone].dark : c,
          backgroundColor: alpha(c, theme.palette.mode === 'light' ? 0.1 : 0.2),
          border: `1px solid ${alpha(c, 0.35)}`,
        };
      }}
    >
      {leading ?? (
        <Box component="span" aria-hidden sx={{ width: 7, height: 7, borderRadius: '50%', bgcolor: 'currentColor' }} />
      )}
      {children}
    </Box>
  );
}

export function domainTone(state: string): PillTone {
  if (state === 'running' || state === 'idle') return 'success';
  if (state === 'paused' || state === 'in shutdown' || state === 'pmsuspended') return 'warning';
  if (state === 'crashed') return 'error';
  return 'neutral';
}
