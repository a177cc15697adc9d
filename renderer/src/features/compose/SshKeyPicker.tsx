import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ClientSshKey } from '../../../../shared/contract';
import { monoFont } from '../../components/fonts';
import { mergeKeys } from './ssh-keys';
import { useClientSshKeys } from './useClientSshKeys';

type Props = {
  chosen: string[];
  other: string;
  otherError: string | undefined;
  onChange: (next: { chosenKeys?: string[]; otherKeys?: string }) => void;
};

/** "labdeck-lab" or, for a key without a comment, its fingerprint: what the checkbox is called. */
const keyName = (k: ClientSshKey): string => k.comment || k.fingerprint;

/** This computer's public keys as checkboxes, plus a field for any others; the count that will be injected. */
export function SshKeyPicker({ chosen, other, otherError, onChange }: Props) {
  const { keys, error, loading } = useClientSshKeys();
  const toggle = (line: string, on: boolean) =>
    onChange({ chosenKeys: on ? [...chosen, line] : chosen.filter((l) => l !== line) });
  const total = mergeKeys(chosen, other).length;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {loading && <LinearProgress sx={{ maxWidth: 300 }} aria-label="Reading your SSH keys" />}
      {error && (
        <Alert severity="info">
          Could not list this computer's SSH keys: {error.message} Paste them under Other keys.
        </Alert>
      )}
      {keys && keys.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No public keys in ~/.ssh or the SSH agent. Paste one under Other keys.
        </Typography>
      )}
      {keys && keys.length > 0 && (
        <Box role="group" aria-label="Your SSH keys" sx={{ display: 'flex', flexDirection: 'column' }}>
          {keys.map((k) => (
            <FormControlLabel
              key={`${k.source}-${k.fingerprint}`}
              control={
                <Checkbox
                  checked={chosen.includes(k.line)}
                  onChange={(e) => toggle(k.line, e.target.checked)}
                  slotProps={{
                    input: { 'aria-label': `SSH key ${keyName(k)}`, 'aria-describedby': `key-${k.fingerprint}` },
                  }}
                />
              }
              label={
                <Box>
                  <Typography variant="body2" component="span" sx={{ fontWeight: 600 }}>
                    {keyName(k)}
                  </Typography>{' '}
                  <Typography variant="body2" component="span" color="text.secondary">
                    {k.type} · {k.source}
                  </Typography>
                  <Typography
                    id={`key-${k.fingerprint}`}
                    variant="caption"
                    component="div"
                    color="text.secondary"
                    sx={{ fontFamily: monoFont }}
                  >
                    {k.fingerprint}
                  </Typography>
                </Box>
              }
              sx={{ alignItems: 'flex-start', '& .MuiCheckbox-root': { pt: 0.5 } }}
            />
          ))}
        </Box>
      )}
      <TextField
        label="Other keys"
        multiline
        minRows={2}
        maxRows={8}
        value={other}
        onChange={(e) => onChange({ otherKeys: e.target.value })}
        error={Boolean(otherError)}
        helperText={
          otherError ?? "One OpenSSH public key a line (the .pub file's content). Lines starting with # are ignored."
        }
        placeholder="ssh-ed25519 AAAAC3Nza… me@laptop"
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: monoFont, fontSize: '0.8rem' } } }}
      />
      <Typography variant="caption" color={total === 0 ? 'warning.dark' : 'text.secondary'} role="status">
        {total === 0
          ? 'No key chosen: logging in over SSH will need the password (if the image allows it).'
          : `${total} key${total === 1 ? '' : 's'} will be authorized for the user.`}
      </Typography>
    </Box>
  );
}
