import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { macvlanModeExplanation, macvlanModeInfo, type MacvlanMode } from '../../../shared/compose';

const POD_DEFAULT = 'pod-default';

type Props = {
  label: string;
  value: MacvlanMode | null;
  onChange: (mode: MacvlanMode | null) => void;
  /** Offer "the pod's default" (value null) as the first choice, naming what it currently is. */
  podDefault?: MacvlanMode;
  disabled?: boolean;
  size?: 'small' | 'medium';
};

/**
 * The four macvtap modes, each with what it does and what the user will notice. The open menu
 * lists all four explained; the closed picker explains the one chosen, so nothing is a bare word.
 */
export function MacvlanModePicker({ label, value, onChange, podDefault, disabled, size = 'small' }: Props) {
  const effective = value ?? podDefault ?? 'bridge';
  const info = macvlanModeExplanation(effective);
  return (
    <Box>
      <TextField
        select
        fullWidth
        size={size}
        label={label}
        disabled={disabled}
        value={value ?? POD_DEFAULT}
        onChange={(e) => onChange(e.target.value === POD_DEFAULT ? null : (e.target.value as MacvlanMode))}
        slotProps={{
          select: {
            renderValue: (v) => (v === POD_DEFAULT ? `pod default (${podDefault ?? 'bridge'})` : String(v)),
            MenuProps: { slotProps: { paper: { sx: { maxWidth: 560 } } } },
          },
        }}
      >
        {podDefault && (
          <MenuItem value={POD_DEFAULT}>
            <Box>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                pod default ({podDefault})
              </Typography>
              <Typography variant="caption" color="text.secondary">
                Follow the pod&apos;s setting, whatever it is when you compose.
              </Typography>
            </Box>
          </MenuItem>
        )}
        {macvlanModeInfo.map((m) => (
          <MenuItem key={m.mode} value={m.mode} sx={{ whiteSpace: 'normal', alignItems: 'flex-start' }}>
            <Box>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {m.mode}
              </Typography>
              <Typography variant="body2">{m.explanation}</Typography>
              <Typography variant="caption" color="text.secondary">
                {m.consequence}
              </Typography>
            </Box>
          </MenuItem>
        ))}
      </TextField>
      <Typography variant="body2" sx={{ mt: 0.75 }}>
        <strong>{effective}</strong>: {info.explanation}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {info.consequence}
      </Typography>
    </Box>
  );
}
