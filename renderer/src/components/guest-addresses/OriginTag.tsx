import Box from '@mui/material/Box';
import { alpha } from '@mui/material/styles';
import { originText, type OriginKey } from './origins';

const tone: Record<OriginKey, 'info' | 'success' | 'warning'> = { lease: 'info', agent: 'success', arp: 'warning' };

/** A small tag saying where an address came from: lease, ARP or agent (the word says it; colour helps). */
export function OriginTag({ origin }: { origin: OriginKey }) {
  const t = originText[origin];
  return (
    <Box
      component="span"
      title={t.title}
      data-origin={origin}
      sx={(theme) => {
        const c = theme.palette[tone[origin]].main;
        return {
          display: 'inline-block',
          px: 0.6,
          borderRadius: 0.75,
          fontSize: '0.68rem',
          fontWeight: 700,
          lineHeight: 1.5,
          letterSpacing: 0.2,
          verticalAlign: 'middle',
          color: theme.palette.mode === 'light' ? theme.palette[tone[origin]].dark : c,
          backgroundColor: alpha(c, theme.palette.mode === 'light' ? 0.1 : 0.2),
          border: `1px solid ${alpha(c, 0.35)}`,
        };
      }}
    >
      {t.tag}
    </Box>
  );
}
