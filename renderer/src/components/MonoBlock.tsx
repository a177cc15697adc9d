import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import { monoFont } from './fonts';

/** Commands, stderr and fingerprints: monospace, wrapped, selectable, never reflowed into prose. */
export function MonoBlock({ children, label, sx }: { children: string; label?: string; sx?: SxProps<Theme> }) {
  return (
    <Box
      component="pre"
      aria-label={label}
      sx={[
        (theme) => ({
          m: 0,
          px: 1.25,
          py: 0.75,
          fontFamily: monoFont,
          fontSize: '0.8rem',
          lineHeight: 1.5,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
          maxHeight: 240,
          overflow: 'auto',
          borderRadius: 1,
          color: theme.palette.text.primary,
          backgroundColor: theme.palette.mode === 'light' ? 'rgba(0,0,0,0.05)' : 'rgba(255,255,255,0.07)',
          border: `1px solid ${theme.palette.divider}`,
        }),
        ...(Array.isArray(sx) ? sx : sx ? [sx] : []),
      ]}
    >
      {children}
    </Box>
  );
}
