import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { percent } from '../../format/units';

type Props = { label: string; used: number; total: number; format: (n: number) => string; note?: string };

/** "23 GiB of 252 GiB used": the bar carries the same sentence as its accessible name. */
export function UsageBar({ label, used, total, format, note }: Props) {
  const p = percent(used, total);
  const sentence = total > 0 ? `${format(used)} of ${format(total)} used (${Math.round(p)}%)` : 'no capacity reported';
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, mb: 0.5 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {label}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {sentence}
        </Typography>
      </Box>
      <LinearProgress
        variant="determinate"
        value={p}
        aria-label={`${label}: ${sentence}`}
        color={p >= 90 ? 'error' : p >= 75 ? 'warning' : 'primary'}
        sx={{ height: 8, borderRadius: 999 }}
      />
      {note && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
          {note}
        </Typography>
      )}
    </Box>
  );
}
