import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { AppErrorShape } from '../../../../shared/contract';
import type { NetworkChangePlan } from '../../../../shared/contract/networks';
import { ErrorDetails } from '../../components/ErrorDetails';
import { NetworkPlanPreview } from './NetworkPlanPreview';

/** The dialog's right side: the plan for the form as it stands, or that it is coming, or why it failed. */
export function PreviewPane({
  plan,
  error,
  loading,
  acknowledged,
  onAcknowledge,
}: {
  plan: NetworkChangePlan | null;
  error: AppErrorShape | null;
  loading: boolean;
  acknowledged: boolean;
  onAcknowledge: (v: boolean) => void;
}) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="overline" color="text.secondary" component="h3">
        Preview — nothing changes until you apply
      </Typography>
      {loading && <LinearProgress aria-label="Planning the change" sx={{ my: 1 }} />}
      {error && <ErrorDetails error={error} title="Could not plan the change" />}
      {plan && <NetworkPlanPreview plan={plan} acknowledged={acknowledged} onAcknowledge={onAcknowledge} />}
    </Box>
  );
}
