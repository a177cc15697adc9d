import Box from '@mui/material/Box';
import { alpha } from '@mui/material/styles';
import { useEffect, useRef } from 'react';
import { monoFont } from './fonts';

/** How a line stands out: added or removed in a diff, or the part the reader came to find. */
export type XmlLineTint = 'add' | 'remove' | 'mark';

export interface XmlLine {
  text: string;
  tint?: XmlLineTint;
}

type Props = {
  lines: readonly XmlLine[];
  /** The block's accessible name (it is a scrollable, focusable region). */
  label: string;
  maxHeight: number | string;
  /** A line to have in view when the text first shows (the rest is scrolled past). */
  openAt?: number;
};

/**
 * XML exactly as the host gets it, line by line: monospace, unwrapped (a wrapped attribute reads
 * wrong), scrollable, the lines that matter tinted.
 */
export function XmlLinesBlock({ lines, label, maxHeight, openAt }: Props) {
  const pre = useRef<HTMLPreElement>(null);
  // Compared by value: a new array with the same text must not scroll the reader back.
  const text = lines.map((l) => l.text).join('\n');
  useEffect(() => {
    const el = pre.current;
    const line = openAt !== undefined && openAt >= 0 ? el?.children[openAt] : undefined;
    if (el && line instanceof HTMLElement && line.offsetTop + line.offsetHeight > el.clientHeight)
      el.scrollTop = line.offsetTop - 3 * line.offsetHeight;
  }, [text, openAt]);
  return (
    <Box
      ref={pre}
      component="pre"
      role="region"
      aria-label={label}
      tabIndex={0}
      sx={(theme) => ({
        m: 0,
        py: 0.75,
        fontFamily: monoFont,
        fontSize: '0.78rem',
        lineHeight: 1.5,
        whiteSpace: 'pre',
        overflow: 'auto',
        maxHeight,
        borderRadius: 1,
        backgroundColor: theme.palette.mode === 'light' ? 'rgba(0,0,0,0.04)' : 'rgba(255,255,255,0.06)',
        border: `1px solid ${theme.palette.divider}`,
        '& .add': { backgroundColor: alpha(theme.palette.success.main, 0.16) },
        '& .remove': { backgroundColor: alpha(theme.palette.error.main, 0.16) },
        '& .mark': { backgroundColor: alpha(theme.palette.primary.main, 0.12) },
      })}
    >
      {lines.map((l, i) => (
        <Box component="span" key={i} className={l.tint} sx={{ display: 'block', px: 1.25, minWidth: 'fit-content' }}>
          {l.text || ' '}
        </Box>
      ))}
    </Box>
  );
}
