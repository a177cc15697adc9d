import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import CircularProgress from '@mui/material/CircularProgress';
import { useLabStore } from '../../store';

/** Shown while the WebSocket is down; the transport keeps retrying on its own. */
export function ConnectionBanner() {
  const connection = useLabStore((s) => s.connection);
  if (connection.status !== 'down') return null;
  return (
    <Alert
      severity="warning"
      variant="filled"
      square
      icon={<CircularProgress size={18} color="inherit" aria-hidden />}
      sx={{ borderRadius: 0, alignItems: 'center' }}
    >
      <AlertTitle sx={{ mb: connection.detail ? 0.25 : 0 }}>
        Disconnected from LabDeck engine — reconnecting…
      </AlertTitle>
      {connection.detail}
    </Alert>
  );
}
