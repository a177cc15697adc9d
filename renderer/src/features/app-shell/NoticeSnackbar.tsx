import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useLabStore } from '../../store';

/** One place for results of background actions (refresh, remove, import) that have no dialog of their own. */
export function NoticeSnackbar() {
  const notice = useLabStore((s) => s.notice);
  const notify = useLabStore((s) => s.notify);
  if (!notice) return null;
  const close = (): void => notify(null);
  return (
    <Snackbar
      open
      // Errors stay until dismissed: the admin may need to copy the stderr.
      autoHideDuration={notice.error ? null : 5000}
      onClose={(_e, reason) => reason !== 'clickaway' && close()}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      {notice.error ? (
        <ErrorDetails
          error={notice.error}
          title={notice.message}
          onClose={close}
          sx={{ maxWidth: 720, boxShadow: 6 }}
        />
      ) : (
        <Alert severity={notice.severity} onClose={close} variant="filled" sx={{ boxShadow: 6 }}>
          {notice.message}
        </Alert>
      )}
    </Snackbar>
  );
}
