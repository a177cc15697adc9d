import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import CableOutlined from '@mui/icons-material/CableOutlined';
import type { ComposePlan, PlanNic } from '../../../../shared/contract';
import { CandidateTable } from './CandidateTable';
import { DhcpLine } from './DhcpLine';
import { attachmentText } from './plan-text';
import { PlanWarnings } from './PlanWarnings';

type Props = {
  nic: PlanNic;
  warnings: ComposePlan['warnings'];
  /** The plan's cloud-init seed has a network-config: requested addresses are set statically in the guest. */
  staticByCloudInit?: boolean;
};

/** One guest NIC of the plan: where it attaches, by which rule, who lost and why, and DHCP there. */
export function NicPlanCard({ nic, warnings, staticByCloudInit = false }: Props) {
  const title = `${nic.ifname} → ${attachmentText(nic.attach)}`;
  return (
    <Paper
      variant="outlined"
      component="article"
      aria-label={`Plan for ${nic.ifname}`}
      sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <CableOutlined fontSize="small" color="primary" aria-hidden />
        <Typography variant="subtitle1" component="h4" sx={{ fontWeight: 700 }}>
          {title}
        </Typography>
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ mt: -1 }}>
        constraint label {nic.label}
        {nic.hostInterface ? ` · host interface ${nic.hostInterface}` : ''}
        {nic.mac ? ` · MAC ${nic.mac}` : ''}
      </Typography>
      <Typography variant="body2">{nic.why.summary}</Typography>
      <Typography variant="caption" color="text.secondary">
        Rule: {nic.why.rule}
      </Typography>
      {nic.requestedIps.length > 0 && (
        <Typography variant="body2">
          Requested address{nic.requestedIps.length > 1 ? 'es' : ''}: {nic.requestedIps.join(', ')}
          {nic.reservation ? ` — reserved in network ${nic.reservation.network}'s DHCP` : ''}
        </Typography>
      )}
      {staticByCloudInit && nic.requestedIps.length > 0 && (
        <Typography variant="body2" color="primary.dark">
          cloud-init gives the guest {nic.requestedIps.join(', ')} statically (the seed&apos;s network-config), DHCP or
          not.
        </Typography>
      )}
      <DhcpLine dhcp={nic.dhcp} />
      <PlanWarnings warnings={warnings} />
      <CandidateTable nicName={nic.ifname} candidates={nic.why.candidates} />
    </Paper>
  );
}
