import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

export type Fact = [label: string, value: ReactNode];

/** Label/value pairs as a definition list: screen readers read them as pairs, the eye scans the labels. */
export function FactList({ facts, labelWidth = 120 }: { facts: Fact[]; labelWidth?: number }) {
  return (
    <Box
      component="dl"
      sx={{ m: 0, display: 'grid', gridTemplateColumns: `${labelWidth}px minmax(0, 1fr)`, columnGap: 2, rowGap: 0.75 }}
    >
      {facts.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-word' }}>
            {value ?? '—'}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
