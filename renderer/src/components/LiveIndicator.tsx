import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import { auditTime, fullTime } from '../format/time-format';

/**
 * A subtle "live" mark: the host pushes its changes (resident session and event watchers up), so
 * what is shown is current without a refresh. The tooltip says when the last change arrived.
 */
export function LiveIndicator({
  live,
  lastChangeAt,
  showTime = false,
}: {
  live?: boolean;
  lastChangeAt?: string;
  showTime?: boolean;
}) {
  if (!live) return null;
  const title = lastChangeAt
    ? `Live: changes on the host appear as they happen. Last change ${fullTime(lastChangeAt)}.`
    : 'Live: changes on the host appear as they happen.';
  return (
    <Tooltip title={title}>
      <Box
        component="span"
        data-testid="live-indicator"
        aria-label={title}
        sx={{
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          fontSize: '0.72rem',
          color: 'success.main',
          whiteSpace: 'nowrap',
        }}
      >
        <Box
          component="span"
          sx={{
            width: 7,
            height: 7,
            borderRadius: '50%',
            bgcolor: 'success.main',
            boxShadow: (t) => `0 0 0 2px ${t.palette.background.paper}`,
          }}
        />
        live
        {showTime && lastChangeAt ? (
          <Box component="span" sx={{ color: 'text.secondary' }}>
            · last change {auditTime(lastChangeAt)}
          </Box>
        ) : null}
      </Box>
    </Tooltip>
  );
}
