import Box from '@mui/material/Box';
import { alpha } from '@mui/material/styles';
import { useEffect, useRef } from 'react';
import { monoFont } from '../../components/fonts';

/** Which lines belong to an <interface> element: the part of the XML this wizard decided. */
function nicLines(lines: readonly string[]): boolean[] {
  let inside = false;
  return lines.map((l) => {
    const opens = /<interface[\s>]/.test(l);
    const closes = /<\/interface>/.test(l) || (opens && /\/>\s*$/.test(l));
    const mark = inside || opens;
    if (opens) inside = true;
    if (closes) inside = false;
    return mark;
  });
}

/**
 * The domain XML exactly as `virsh define` gets it: monospace, unwrapped (a wrapped attribute reads
 * wrong), scrollable, with the NICs tinted so the attachment the plan chose is easy to find.
 */
export function DomainXmlBlock({ xml }: { xml: string }) {
  const lines = xml.replace(/\n$/, '').split('\n');
  const marks = nicLines(lines);
  const first = marks.indexOf(true);
  const pre = useRef<HTMLPreElement>(null);
  // Open with the first NIC in view: it is what the wizard decided; the rest is boilerplate.
  useEffect(() => {
    const el = pre.current;
    const line = first >= 0 ? el?.children[first] : undefined;
    if (el && line instanceof HTMLElement && line.offsetTop + line.offsetHeight > el.clientHeight)
      el.scrollTop = line.offsetTop - 3 * line.offsetHeight;
  }, [xml, first]);
  return (
    <Box
      ref={pre}
      component="pre"
      role="region"
      // Inside the "Domain XML" section: a name of its own, so the section stays the one region of that name.
      aria-label="Scrollable XML text"
      tabIndex={0}
      sx={(theme) => ({
        m: 0,
        py: 0.75,
        fontFamily: monoFont,
        fontSize: '0.78rem',
        lineHeight: 1.5,
        whiteSpace: 'pre',
        overflow: 'auto',
        maxHeight: '60vh',
        borderRadius: 1,
        backgroundColor: theme.palette.mode === 'light' ? 'rgba(0,0,0,0.04)' : 'rgba(255,255,255,0.06)',
        border: `1px solid ${theme.palette.divider}`,
        '& .nic': { backgroundColor: alpha(theme.palette.primary.main, 0.12) },
      })}
    >
      {lines.map((l, i) => (
        <Box
          component="span"
          key={i}
          className={marks[i] ? 'nic' : undefined}
          sx={{ display: 'block', px: 1.25, minWidth: 'fit-content' }}
        >
          {l || ' '}
        </Box>
      ))}
    </Box>
  );
}
