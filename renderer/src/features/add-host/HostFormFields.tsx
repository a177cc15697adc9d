import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import type { AuthChoice, FieldErrors, HostForm, HostFormField } from './host-form';

type Props = {
  form: HostForm;
  errors: FieldErrors;
  disabled: boolean;
  onChange: (field: HostFormField, value: string) => void;
};

/** The host fields; labels are real <label>s so getByLabel and screen readers find every one. */
export function HostFormFields({ form, errors, disabled, onChange }: Props) {
  const text = (
    field: HostFormField,
    label: string,
    opts: { hint?: string; required?: boolean; autoFocus?: boolean; placeholder?: string } = {},
  ) => (
    <TextField
      label={label}
      value={form[field]}
      onChange={(e) => onChange(field, e.target.value)}
      error={Boolean(errors[field])}
      helperText={errors[field] ?? opts.hint}
      required={opts.required}
      autoFocus={opts.autoFocus}
      placeholder={opts.placeholder}
      disabled={disabled}
      size="small"
      fullWidth
      slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off', autoCorrect: 'off' } }}
    />
  );
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 140px', gap: 2, pt: 1 }}>
      <Box sx={{ gridColumn: '1 / -1' }}>
        {text('name', 'Name', { autoFocus: true, required: true, hint: 'How the host appears in LabDeck' })}
      </Box>
      {text('address', 'Address', { required: true, hint: 'Hostname or IP address' })}
      {text('port', 'Port', { required: true, hint: 'SSH port' })}
      <Box sx={{ gridColumn: '1 / -1' }}>{text('user', 'User', { required: true })}</Box>
      <FormControl component="fieldset" disabled={disabled} error={Boolean(errors.auth)} sx={{ gridColumn: '1 / -1' }}>
        <FormLabel component="legend">Authentication</FormLabel>
        <RadioGroup row value={form.auth} onChange={(e) => onChange('auth', e.target.value as AuthChoice)}>
          <FormControlLabel value="agent" control={<Radio size="small" />} label="SSH agent" />
          <FormControlLabel value="key" control={<Radio size="small" />} label="Key file" />
          <FormControlLabel value="password" control={<Radio size="small" />} label="Password" />
        </RadioGroup>
        {errors.auth && <FormHelperText>{errors.auth}</FormHelperText>}
        {form.auth === 'password' && !errors.auth && (
          <FormHelperText>LabDeck asks for the password when it connects.</FormHelperText>
        )}
      </FormControl>
      {form.auth === 'key' && (
        <Box sx={{ gridColumn: '1 / -1' }}>
          {text('keyPath', 'Key file path', { required: true, placeholder: '~/.ssh/id_ed25519' })}
        </Box>
      )}
      <Box sx={{ gridColumn: '1 / -1' }}>{text('libvirtUri', 'libvirt URI')}</Box>
      <Box sx={{ gridColumn: '1 / -1' }}>{text('tags', 'Tags', { hint: 'Comma separated, e.g. rack1, gpu' })}</Box>
    </Box>
  );
}
