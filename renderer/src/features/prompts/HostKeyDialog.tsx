import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { HostKeyPrompt } from '../../../../shared/contract';
import { MonoBlock } from '../../components/MonoBlock';
import { usePromptAnswer } from './usePromptAnswer';

const endpoint = (host: string, port: number): string =>
  host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;

/** OpenSSH's first-contact question, worded the way admins know it. Escape means Cancel. */
export function HostKeyDialog({ prompt }: { prompt: HostKeyPrompt }) {
  const { answer, sending } = usePromptAnswer();
  const decide = (decision: 'once' | 'remember' | 'cancel') =>
    void answer({ kind: 'hostKey', promptId: prompt.promptId, decision });
  return (
    <Dialog
      open
      // Backdrop clicks are ignored: trusting a key should be a deliberate choice either way.
      onClose={(_e, reason) => reason === 'escapeKeyDown' && decide('cancel')}
      maxWidth="sm"
      fullWidth
      aria-describedby="host-key-text"
    >
      <DialogTitle>Unknown host key</DialogTitle>
      <DialogContent>
        <DialogContentText id="host-key-text">
          The authenticity of host {endpoint(prompt.host, prompt.port)} can't be established.
        </DialogContentText>
        <Typography variant="body2" sx={{ mt: 2, mb: 0.5 }}>
          {prompt.keyType} key fingerprint (SHA256):
        </Typography>
        <MonoBlock label="Host key fingerprint" sx={{ fontSize: '0.9rem' }}>
          {prompt.fingerprint}
        </MonoBlock>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          Compare it with the host’s own key before accepting, e.g. on its console:{' '}
          <code>ssh-keygen -lf /etc/ssh/ssh_host_{keyFileStem(prompt.keyType)}_key.pub</code>
        </Typography>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={() => decide('cancel')} disabled={sending}>
          Cancel
        </Button>
        <Button variant="outlined" onClick={() => decide('once')} disabled={sending}>
          Accept once
        </Button>
        <Button variant="contained" onClick={() => decide('remember')} disabled={sending}>
          Accept and remember
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** "ssh-ed25519" → "ed25519", "ecdsa-sha2-nistp256" → "ecdsa", "ssh-rsa" → "rsa": the host key file names. */
function keyFileStem(keyType: string): string {
  const t = keyType.toLowerCase();
  if (t.includes('ed25519')) return 'ed25519';
  if (t.includes('ecdsa')) return 'ecdsa';
  if (t.includes('rsa')) return 'rsa';
  return '*';
}
