import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import WarningAmberRounded from '@mui/icons-material/WarningAmberRounded';
import { worstSeverity, type HostWarning } from '../../../../shared/warnings';

const icons = { error: ErrorOutline, warning: WarningAmberRounded, info: InfoOutlined } as const;
const words = { error: 'Problem', warning: 'Warning', info: 'Note' } as const;

/** On a table row: the worst severity's icon, every message in the tooltip and the accessible name. */
export function WarningIcon({ warnings }: { warnings: HostWarning[] }) {
  const worst = worstSeverity(warnings);
  if (!worst) return null;
  const Icon = icons[worst];
  const text = warnings.map((w) => w.message).join(' ');
  return (
    <Tooltip
      title={
        <Box
          component="ul"
          sx={{ m: 0, pl: warnings.length > 1 ? 2 : 0, listStyle: warnings.length > 1 ? 'disc' : 'none' }}
        >
          {warnings.map((w) => (
            <li key={`${w.code}:${w.message}`}>{w.message}</li>
          ))}
        </Box>
      }
    >
      <Box
        component="span"
        role="img"
        tabIndex={0}
        aria-label={`${words[worst]}: ${text}`}
        sx={{
          display: 'inline-flex',
          verticalAlign: 'middle',
          color: `${worst}.main`,
          borderRadius: 1,
          '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
        }}
      >
        <Icon fontSize="small" />
      </Box>
    </Tooltip>
  );
}
