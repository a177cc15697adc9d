import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import { useState, type FormEvent } from 'react';
import type { SecretPrompt } from '../../../../shared/contract';
import { sshTarget } from '../../format/host-format';
import { usePromptAnswer } from './usePromptAnswer';

/** Asks for an SSH password or a key passphrase. The value lives only in this component until sent. */
export function SecretDialog({ prompt }: { prompt: SecretPrompt }) {
  const { answer, sending } = usePromptAnswer();
  const [value, setValue] = useState('');
  const [remember, setRemember] = useState(false);
  const isPassword = prompt.secretKind === 'password';
  const target = sshTarget(prompt.user, prompt.host, prompt.port);
  const label = isPassword ? 'Password' : 'Key passphrase';

  const send = (v: string | null): void => {
    void answer({
      kind: 'secret',
      promptId: prompt.promptId,
      value: v,
      remember: isPassword && v !== null && remember && !prompt.cannotRemember,
    });
    setValue('');
  };
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    send(value);
  };

  return (
    <Dialog open onClose={(_e, reason) => reason === 'escapeKeyDown' && send(null)} maxWidth="xs" fullWidth>
      <Box
        component="form"
        noValidate
        onSubmit={submit}
        sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, overflow: 'hidden' }}
      >
        <DialogTitle>{isPassword ? `Password for ${target}` : 'Key passphrase needed'}</DialogTitle>
        <DialogContent>
          {prompt.retry && (
            <Alert severity="warning" sx={{ mb: 2 }}>
              That {isPassword ? 'password' : 'passphrase'} was not accepted. Try again.
            </Alert>
          )}
          <DialogContentText sx={{ mb: 2 }}>
            {isPassword
              ? `LabDeck needs the SSH password to log in as ${target}.`
              : `The key ${prompt.keyPath ?? ''} is encrypted. Enter its passphrase to connect to ${target}.`}
          </DialogContentText>
          <TextField
            label={label}
            type="password"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoFocus
            fullWidth
            size="small"
            autoComplete="off"
            disabled={sending}
          />
          {isPassword && (
            <FormControlLabel
              sx={{ mt: 1 }}
              control={
                <Checkbox
                  size="small"
                  checked={remember && !prompt.cannotRemember}
                  disabled={Boolean(prompt.cannotRemember)}
                  onChange={(e) => setRemember(e.target.checked)}
                />
              }
              label="Remember (encrypted)"
            />
          )}
          {isPassword && prompt.cannotRemember && (
            <Alert severity="info" sx={{ mt: 1 }} data-testid="cannot-remember">
              {prompt.cannotRemember}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={() => send(null)} disabled={sending}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={sending}>
            OK
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
