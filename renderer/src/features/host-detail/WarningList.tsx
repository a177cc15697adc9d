import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { HostWarning, WarningSubject } from '../../../../shared/warnings';

const subjectWord: Record<WarningSubject['kind'], string> = {
  interface: 'interface',
  network: 'network',
  domain: 'VM',
  host: 'host',
};

/** All of a host's warnings, worst first, each naming what it is about. */
export function WarningList({ warnings }: { warnings: HostWarning[] }) {
  return (
    <Box component="section" aria-labelledby="host-warnings-title">
      <Typography id="host-warnings-title" variant="h6" component="h3" sx={{ mb: 1 }}>
        Warnings ({warnings.length})
      </Typography>
      {warnings.length === 0 ? (
        <Alert severity="success">Nothing LabDeck checks for looks wrong on this host.</Alert>
      ) : (
        <Stack component="ul" aria-label="Warnings" spacing={1} sx={{ m: 0, p: 0, listStyle: 'none' }}>
          {warnings.map((w) => (
            <Alert
              component="li"
              key={`${w.code}:${w.message}`}
              severity={w.severity}
              sx={{ '& .MuiAlert-message': { flex: 1 } }}
            >
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
                <Chip
                  size="small"
                  variant="outlined"
                  label={`${subjectWord[w.subject.kind]} ${w.subject.name}`}
                  sx={{ height: 20 }}
                />
                <span>{w.message}</span>
              </Box>
            </Alert>
          ))}
        </Stack>
      )}
    </Box>
  );
}
