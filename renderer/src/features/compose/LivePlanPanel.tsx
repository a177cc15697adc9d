import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { AppErrorShape, ComposePlan } from '../../../../shared/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { NicPlanCard } from './NicPlanCard';
import { warningsFor } from './plan-text';
import { PlanWarnings } from './PlanWarnings';

type Props = {
  plan: ComposePlan | null;
  error: AppErrorShape | null;
  loading: boolean;
  /** Why no plan is asked for right now (a mistake in the form), if so. */
  blocked: string | null;
  onRefresh: () => void;
};

/** The engine's dry run, redone as the NICs change: what compose would do with them, and why. */
export function LivePlanPanel({ plan, error, loading, blocked, onRefresh }: Props) {
  const dim = loading || blocked !== null;
  return (
    <Box
      component="section"
      aria-label="Live plan"
      aria-busy={loading}
      sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="overline" component="h3" color="text.secondary" sx={{ lineHeight: 1.6 }}>
          Live plan
        </Typography>
        <Typography variant="caption" color="text.secondary" role="status">
          {blocked
            ? 'waiting for a valid form'
            : loading
              ? 'asking the host…'
              : plan
                ? `from the host as of ${new Date(plan.snapshotTakenAt).toLocaleTimeString()}`
                : ''}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button size="small" onClick={onRefresh} disabled={blocked !== null}>
          Re-read host
        </Button>
      </Box>
      <LinearProgress sx={{ visibility: loading ? 'visible' : 'hidden' }} aria-hidden />
      {blocked && <Alert severity="info">{blocked}</Alert>}
      {error &&
        !blocked &&
        (error.kind === 'validation' ? (
          <Alert severity="error">
            <AlertTitle>Compose would refuse</AlertTitle>
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
              {error.message}
            </Typography>
            {error.hint && (
              <Typography
                variant="body2"
                component="pre"
                sx={{ whiteSpace: 'pre-wrap', m: 0, mt: 0.5, fontSize: '0.8rem' }}
              >
                {error.hint}
              </Typography>
            )}
          </Alert>
        ) : (
          <ErrorDetails error={error} title="Could not plan" />
        ))}
      {plan && !error && (
        <Box
          sx={{
            display: 'flex',
            flexDirection: 'column',
            gap: 1,
            opacity: dim ? 0.55 : 1,
            transition: 'opacity 120ms',
          }}
        >
          {plan.nics.map((n) => (
            <NicPlanCard
              key={n.label}
              nic={n}
              warnings={warningsFor(plan, n.label)}
              staticByCloudInit={plan.install.seed?.networkConfig !== undefined}
            />
          ))}
          <PlanWarnings warnings={warningsFor(plan, null)} />
          {plan.conflicts.map((c) => (
            <Alert key={c} severity="error">
              {c}
            </Alert>
          ))}
        </Box>
      )}
    </Box>
  );
}
