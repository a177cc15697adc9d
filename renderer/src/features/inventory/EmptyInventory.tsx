import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import Dns from '@mui/icons-material/DnsOutlined';
import { useLabStore } from '../../store';

/** First run: say what LabDeck needs (a KVM host over SSH) and offer both ways to add one. */
export function EmptyInventory() {
  const openHostDialog = useLabStore((s) => s.openHostDialog);
  const setImportOpen = useLabStore((s) => s.setImportOpen);
  return (
    <Paper
      variant="outlined"
      sx={{ p: 6, display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', gap: 2 }}
    >
      <Dns sx={{ fontSize: 48, color: 'text.disabled' }} aria-hidden />
      <Typography variant="h6" component="h2">
        No hosts yet — add a KVM host reachable over SSH
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 520 }}>
        LabDeck connects with your SSH agent, a key file or a password, and reads the host’s facts with virsh. Nothing
        is installed on the host.
      </Typography>
      <Button variant="contained" startIcon={<Add />} onClick={() => openHostDialog({ mode: 'add' })}>
        Add host
      </Button>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap', justifyContent: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          Hint: hosts you already reach with <code>ssh</code> can be imported from ~/.ssh/config.
        </Typography>
        <Button size="small" onClick={() => setImportOpen(true)}>
          Import from ~/.ssh/config
        </Button>
      </Box>
    </Paper>
  );
}
