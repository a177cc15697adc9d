import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { ReactNode } from 'react';

type Choice = { name: string; content: ReactNode };

/**
 * A pod default picked from what the host has now, with "none" first. A saved value the host no
 * longer has stays visible (and selectable) instead of silently turning into "none".
 */
export function DefaultChoiceSelect(p: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  helperText: string;
  noneLabel: string;
  choices: Choice[];
}) {
  const missing = p.value !== '' && !p.choices.some((c) => c.name === p.value);
  return (
    <TextField
      select
      label={p.label}
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
      helperText={p.helperText}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
    >
      <MenuItem value="">{p.noneLabel}</MenuItem>
      {p.choices.map((c) => (
        <MenuItem key={c.name} value={c.name}>
          {c.content}
        </MenuItem>
      ))}
      {missing && <MenuItem value={p.value}>{p.value} (not on the host now)</MenuItem>}
    </TextField>
  );
}
