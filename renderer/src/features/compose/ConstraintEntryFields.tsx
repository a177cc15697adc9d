import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DoDisturbOnOutlined from '@mui/icons-material/DoDisturbOnOutlined';
import { canNegate, constraintBaseKeys, constraintKeyHelp, type ConstraintEntry } from '../../../../shared/compose';
import { monoFont } from '../../components/fonts';
import { withKey } from './interface-editor';
import type { ValueSuggestion } from './value-suggestions';

type Props = {
  /** "Constraint 1": names the group, so the Key/Operator/Value fields inside are unambiguous. */
  name: string;
  entry: ConstraintEntry;
  suggestions: ValueSuggestion[];
  error: { field: 'key' | 'value'; message: string } | null;
  onChange: (entry: ConstraintEntry) => void;
  onRemove: () => void;
};

/** key / is or is not / value, with the key's meaning under it. */
export function ConstraintEntryFields({ name, entry, suggestions, error, onChange, onRemove }: Props) {
  return (
    <Box role="group" aria-label={name}>
      <Box sx={{ display: 'grid', gridTemplateColumns: '150px 110px 1fr auto', gap: 1, alignItems: 'start' }}>
        <TextField
          select
          size="small"
          label="Key"
          value={entry.key}
          error={error?.field === 'key'}
          onChange={(e) => onChange(withKey(entry, e.target.value as ConstraintEntry['key']))}
          slotProps={{
            select: {
              // The closed select shows the bare key; the help text is for the open menu and the line below.
              renderValue: (v) => (
                <Box component="span" sx={{ fontFamily: monoFont }}>
                  {String(v)}
                </Box>
              ),
              MenuProps: { slotProps: { paper: { sx: { maxHeight: 420, maxWidth: 460 } } } },
            },
          }}
        >
          {constraintBaseKeys.map((k) => (
            <MenuItem key={k} value={k} sx={{ display: 'block', whiteSpace: 'normal' }}>
              <Box component="span" sx={{ fontFamily: monoFont, fontWeight: 600 }}>
                {k}
              </Box>
              <Typography variant="caption" color="text.secondary" component="div">
                {constraintKeyHelp[k]}
              </Typography>
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Operator"
          value={entry.negated ? 'not' : 'is'}
          onChange={(e) => onChange({ ...entry, negated: e.target.value === 'not' })}
        >
          <MenuItem value="is">is</MenuItem>
          <MenuItem value="not" disabled={!canNegate(entry.key)}>
            is not{canNegate(entry.key) ? '' : ` (MAAS has no not_${entry.key})`}
          </MenuItem>
        </TextField>
        <Autocomplete
          freeSolo
          size="small"
          options={suggestions.map((s) => s.value)}
          inputValue={entry.value}
          onInputChange={(_e, value, reason) => reason !== 'reset' && onChange({ ...entry, value })}
          onChange={(_e, value) => typeof value === 'string' && onChange({ ...entry, value })}
          renderOption={(props, option) => {
            const { key, ...rest } = props;
            const note = suggestions.find((s) => s.value === option)?.note;
            return (
              <Box component="li" key={key} {...rest} sx={{ display: 'block !important' }}>
                <Box component="span" sx={{ fontFamily: monoFont, fontWeight: 600 }}>
                  {option}
                </Box>
                {note && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {note}
                  </Typography>
                )}
              </Box>
            );
          }}
          renderInput={(params) => (
            <TextField
              {...params}
              label="Value"
              error={error?.field === 'value'}
              slotProps={{
                ...params.slotProps,
                htmlInput: { ...params.slotProps.htmlInput, spellCheck: false, style: { fontFamily: monoFont } },
              }}
            />
          )}
        />
        <IconButton aria-label={`Remove ${name.toLowerCase()}`} onClick={onRemove} size="small" sx={{ mt: 0.5 }}>
          <DoDisturbOnOutlined fontSize="small" />
        </IconButton>
      </Box>
      <Typography
        variant="caption"
        color={error ? 'error' : 'text.secondary'}
        component="div"
        sx={{ mt: 0.25, ml: 0.25 }}
      >
        {error
          ? error.message
          : `${entry.negated ? 'not_' : ''}${entry.key}: ${entry.negated ? 'must not be ' : ''}${constraintKeyHelp[entry.key]}`}
      </Typography>
    </Box>
  );
}
