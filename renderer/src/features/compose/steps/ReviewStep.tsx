import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { AppErrorShape, ComposePlan, ComposeRequest } from '../../../../../shared/contract';
import { AnsibleExportButton } from '../../../components/ansible-export/AnsibleExportButton';
import { ErrorDetails } from '../../../components/ErrorDetails';
import { CommandList } from '../CommandList';
import { DiskPlanTable } from '../DiskPlanTable';
import { DomainXmlBlock } from '../DomainXmlBlock';
import { bootOrderText } from '../install-text';
import { NicPlanCard } from '../NicPlanCard';
import { warningsFor } from '../plan-text';
import { PlanWarnings } from '../PlanWarnings';
import { SeedFiles } from '../SeedFiles';
import { Section } from './ResourcesStep';

type Props = {
  plan: ComposePlan | null;
  error: AppErrorShape | null;
  loading: boolean;
  startError: AppErrorShape | null;
  /** The request with the reviewed name and MACs: what "Export to Ansible" exports. */
  exportRequest?: ComposeRequest | null;
};

function Summary({ plan }: { plan: ComposePlan }) {
  const rows: [string, string][] = [
    ['VM', plan.name],
    [
      'Pod',
      `${plan.hostName} (${plan.installMode === 'manual' ? 'installed by hand' : 'deployed as a KVM host'}, macvtap default ${plan.macvlanMode})`,
    ],
    [
      'Machine',
      `${plan.virtType}, ${plan.arch}, ${plan.cores} core${plan.cores === 1 ? '' : 's'}, ${plan.memoryMiB} MiB`,
    ],
    ['CPU', `${plan.cpuMode}${plan.cpuModel ? ` ${plan.cpuModel}` : ''} — ${plan.cpuReason}`],
    ['Install', plan.install.summary],
    ['Boot order', bootOrderText(plan.install.bootOrder)],
    ['After compose', plan.start ? 'started' : 'defined, not started'],
  ];
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: '130px 1fr', rowGap: 0.5, columnGap: 2 }}>
      {rows.map(([k, v]) => (
        <Box key={k} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {k}
          </Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: k === 'VM' ? 700 : 400 }}>
            {v}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** Step 4: everything compose will do, and why, before it does it. */
export function ReviewStep({ plan, error, loading, startError, exportRequest }: Props) {
  if (error) return <ErrorDetails error={error} title="Compose would refuse — go back and change the request" />;
  if (!plan) {
    return (
      <Box role="status">
        <Typography variant="body2">Asking the host for the plan…</Typography>
        <LinearProgress sx={{ mt: 1, maxWidth: 400 }} />
      </Box>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, opacity: loading ? 0.6 : 1 }}>
      {startError && <ErrorDetails error={startError} title="Compose did not start" />}
      {plan.conflicts.length > 0 && (
        <Alert severity="error">
          Compose would refuse: {plan.conflicts.join(' ')} Go back to Resources and choose another hostname.
        </Alert>
      )}
      {/* What and why on the left; exactly how (XML, commands) on the right. */}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
          gap: 3,
          alignItems: 'start',
        }}
      >
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3, minWidth: 0 }}>
          <Section title="Summary">
            <Summary plan={plan} />
            {exportRequest && (
              <Box sx={{ mt: 1 }}>
                <AnsibleExportButton request={{ hostId: plan.hostId, plan: exportRequest }} what={plan.name} />
              </Box>
            )}
          </Section>
          <Section title="NICs">
            {plan.nics.map((n) => (
              <NicPlanCard
                key={n.label}
                nic={n}
                warnings={warningsFor(plan, n.label)}
                staticByCloudInit={plan.install.seed?.networkConfig !== undefined}
              />
            ))}
            <PlanWarnings warnings={warningsFor(plan, null)} />
          </Section>
          <Section title="Disks">
            <DiskPlanTable disks={plan.disks} />
          </Section>
          {plan.install.seed && (
            <Section title="cloud-init seed">
              <SeedFiles seed={plan.install.seed} />
            </Section>
          )}
        </Box>
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3, minWidth: 0 }}>
          <Section title="Domain XML">
            <DomainXmlBlock xml={plan.domainXml} />
            <Typography variant="caption" color="text.secondary">
              Tinted: the NICs. This is exactly what compose defines, MAC addresses included.
            </Typography>
          </Section>
          <Section title="virsh commands">
            <CommandList commands={plan.commands} />
          </Section>
        </Box>
      </Box>
    </Box>
  );
}
