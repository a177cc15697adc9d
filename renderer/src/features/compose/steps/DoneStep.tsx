import Alert from '@mui/material/Alert';
import { useFeatureSlots } from '../../../components/feature-slots';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { JobView } from '../../../../../shared/contract';
import { AnsibleExportButton } from '../../../components/ansible-export/AnsibleExportButton';
import { GuestAddressPanel } from '../../../components/guest-addresses';
import { JobStepList } from '../../../components/JobStepList';

type Props = { job: JobView; hostName: string; started: boolean; onGoToVm: () => void; onAgain: () => void };

/** Step 6: the VM exists; go and look at it, or compose another. */
export function DoneStep({ job, hostName, started, onGoToVm, onAgain }: Props) {
  const name = job.domain ?? 'The VM';
  const { ConsoleButtons } = useFeatureSlots();
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 1000 }}>
      <Alert severity="success">
        <AlertTitle>
          {name} is composed on {hostName}
        </AlertTitle>
        {started ? 'It is defined and started.' : 'It is defined and shut off; start it when you need it.'} LabDeck read
        it back and checked its NICs and disks against the plan.
      </Alert>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button variant="contained" onClick={onGoToVm}>
          Go to the VM
        </Button>
        <Button onClick={onAgain}>Compose another VM</Button>
        {started && job.domain && (
          <ConsoleButtons hostId={job.hostId} hostName={hostName} domain={job.domain} size="medium" />
        )}
        {job.domain && (
          <AnsibleExportButton
            request={{ hostId: job.hostId, vms: [job.domain] }}
            what={job.domain}
            sx={{ ml: 'auto' }}
          />
        )}
      </Box>
      {started && job.domain && (
        <>
          <Typography variant="overline" component="h3" color="text.secondary">
            Addresses
          </Typography>
          <GuestAddressPanel hostId={job.hostId} domain={job.domain} waitMs={120_000} />
        </>
      )}
      <Typography variant="overline" component="h3" color="text.secondary">
        What was done
      </Typography>
      <JobStepList steps={job.steps} finished />
    </Box>
  );
}
