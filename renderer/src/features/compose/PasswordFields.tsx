import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { useState } from 'react';
import { hashPasswordPair } from './password';

type Props = {
  hash: string | null;
  problem: string | null;
  /** Only ever the hash (or null) and why the typed pair is not set: never the clear password. */
  onChange: (next: { passwordHash: string | null; passwordProblem: string | null }) => void;
  user: string;
};

const NOTE =
  'Stored only as a SHA-512 crypt hash ($6$…), made here before it is sent; the password itself is never sent or kept.';

/**
 * The default user's password, typed twice. The clear text lives only in this component's own state
 * (gone when the step is left); the draft gets the `$6$` hash as soon as both fields agree.
 */
export function PasswordFields({ hash, problem, onChange, user }: Props) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  // A hash made earlier, the fields since emptied by leaving the step: say it is set, offer to change it.
  const [editing, setEditing] = useState(hash === null);

  const update = (pw: string, again: string) => {
    setPassword(pw);
    setConfirm(again);
    const out = hashPasswordPair(pw, again);
    onChange(
      out.kind === 'hashed'
        ? { passwordHash: out.hash, passwordProblem: null }
        : { passwordHash: null, passwordProblem: out.kind === 'mismatch' ? out.message : null },
    );
  };

  if (!editing && hash) {
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <LockOutlined fontSize="small" color="success" aria-hidden />
        <Typography variant="body2" role="status">
          A password is set for {user || 'the default user'} — stored only as a SHA-512 crypt hash.
        </Typography>
        <Button size="small" onClick={() => setEditing(true)}>
          Change
        </Button>
        <Button size="small" color="warning" onClick={() => onChange({ passwordHash: null, passwordProblem: null })}>
          Remove
        </Button>
      </Box>
    );
  }
  return (
    <Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(200px, 1fr))', gap: 2, alignItems: 'start' }}>
        <TextField
          type="password"
          label="Password"
          value={password}
          onChange={(e) => update(e.target.value, confirm)}
          helperText="Optional: for the console. SSH keys are the better way in."
          slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
        />
        <TextField
          type="password"
          label="Confirm password"
          value={confirm}
          onChange={(e) => update(password, e.target.value)}
          error={problem !== null && confirm !== ''}
          helperText={problem ?? (hash && password !== '' ? 'The two agree.' : ' ')}
          slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
        />
      </Box>
      <Typography
        variant="caption"
        color="text.secondary"
        component="div"
        sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}
      >
        <LockOutlined sx={{ fontSize: 14 }} aria-hidden />
        {NOTE}
      </Typography>
    </Box>
  );
}
