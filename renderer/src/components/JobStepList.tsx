import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import CancelOutlined from '@mui/icons-material/CancelOutlined';
import CheckCircle from '@mui/icons-material/CheckCircle';
import DangerousOutlined from '@mui/icons-material/DangerousOutlined';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import Undo from '@mui/icons-material/Undo';
import type { JobStep, StepStatus } from '../../../shared/contract';
import { ErrorDetails } from './ErrorDetails';
import { MonoBlock } from './MonoBlock';

const statusWords: Record<StepStatus, string> = {
  pending: 'waiting',
  running: 'running',
  done: 'done',
  failed: 'failed',
  'rolled-back': 'done, then undone',
  cancelled: 'cancelled',
};

function StatusIcon({ status }: { status: StepStatus }) {
  switch (status) {
    case 'running':
      return <CircularProgress size={18} aria-hidden />;
    case 'done':
      return <CheckCircle color="success" fontSize="small" aria-hidden />;
    case 'failed':
      return <DangerousOutlined color="error" fontSize="small" aria-hidden />;
    case 'rolled-back':
      return <Undo color="warning" fontSize="small" aria-hidden />;
    case 'cancelled':
      return <CancelOutlined color="disabled" fontSize="small" aria-hidden />;
    default:
      return <RadioButtonUnchecked color="disabled" fontSize="small" aria-hidden />;
  }
}

/** Each step of the job as it happens: the command it runs, how it failed, and how it was undone. */
export function JobStepList({
  steps,
  finished = false,
  label = 'Compose steps',
}: {
  steps: JobStep[];
  finished?: boolean;
  label?: string;
}) {
  // Once the job is over, a step still pending never ran: "waiting" would suggest it still might.
  const word = (st: StepStatus) => (finished && st === 'pending' ? 'not run' : statusWords[st]);
  return (
    <Box
      component="ol"
      aria-label={label}
      sx={{ listStyle: 'none', m: 0, p: 0, display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      {steps.map((s) => (
        <Box
          component="li"
          key={s.id}
          aria-label={`${s.description} — ${word(s.status)}`}
          sx={{ display: 'flex', gap: 1.25 }}
        >
          <Box sx={{ width: 20, pt: 0.25, display: 'flex', justifyContent: 'center' }}>
            <StatusIcon status={s.status} />
          </Box>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
              <Typography
                variant="body2"
                sx={{ fontWeight: s.status === 'running' || s.status === 'failed' ? 700 : 500 }}
              >
                {s.description}
              </Typography>
              <Typography
                variant="caption"
                color={s.status === 'failed' ? 'error' : 'text.secondary'}
                sx={{ fontWeight: 600 }}
              >
                {word(s.status)}
              </Typography>
            </Box>
            {s.command && (
              <MonoBlock label={`Command of step ${s.id}`} sx={{ mt: 0.5, fontSize: '0.75rem', py: 0.25 }}>
                {`$ ${s.command}`}
              </MonoBlock>
            )}
            {s.error && (
              <ErrorDetails
                error={s.error}
                title={s.status === 'cancelled' ? 'Stopped by cancel' : 'This step failed'}
                sx={{ mt: 1 }}
              />
            )}
            {s.rollback && (
              <Box sx={{ mt: 0.75 }}>
                <Typography
                  variant="caption"
                  color={s.rollback.status === 'failed' ? 'error' : 'text.secondary'}
                  component="div"
                >
                  {s.rollback.status === 'done'
                    ? 'Undone by:'
                    : s.rollback.status === 'failed'
                      ? 'Undo FAILED — clean up by hand:'
                      : 'Undoing with:'}
                </Typography>
                <MonoBlock
                  label={`Undo of step ${s.id}`}
                  sx={{ fontSize: '0.75rem', py: 0.25 }}
                >{`$ ${s.rollback.command}`}</MonoBlock>
                {s.rollback.error && <ErrorDetails error={s.rollback.error} title="The undo failed" sx={{ mt: 1 }} />}
              </Box>
            )}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
