import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import RocketLaunchOutlined from '@mui/icons-material/RocketLaunchOutlined';
import type { AppErrorShape, ComposePlan } from '../../../../shared/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { bootOrderText, seedBuilderText } from './install-text';

type Props = { plan: ComposePlan | null; error: AppErrorShape | null; loading: boolean; blocked: string | null };

/** What the engine will do to make the VM bootable, as its live plan says. */
export function InstallPlanCard({ plan, error, loading, blocked }: Props) {
  const install = plan?.install;
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label="Install plan"
      aria-busy={loading}
      sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 0.75 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <RocketLaunchOutlined fontSize="small" color="primary" aria-hidden />
        <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 700 }}>
          What the host will do
        </Typography>
        <Typography variant="caption" color="text.secondary" role="status">
          {blocked ? 'waiting for a valid form' : loading ? 'asking the host…' : ''}
        </Typography>
      </Box>
      <LinearProgress sx={{ visibility: loading ? 'visible' : 'hidden' }} aria-hidden />
      {blocked && (
        <Typography variant="body2" color="text.secondary">
          {blocked}
        </Typography>
      )}
      {error && !blocked && <ErrorDetails error={error} title="Compose would refuse" />}
      {install && !error && (
        <Box sx={{ opacity: loading || blocked ? 0.55 : 1, display: 'flex', flexDirection: 'column', gap: 0.5 }}>
          <Typography variant="body2">{install.summary}</Typography>
          <Typography variant="caption" color="text.secondary">
            Boot order: {bootOrderText(install.bootOrder)}
          </Typography>
          {install.seed && (
            <Typography variant="caption" color="text.secondary">
              cloud-init seed: {install.seed.pool}/{install.seed.volume}, {seedBuilderText(install.seed)}
              {install.seed.networkConfig ? '; with a network-config for the NICs that ask for an address' : ''}.
            </Typography>
          )}
        </Box>
      )}
    </Paper>
  );
}
