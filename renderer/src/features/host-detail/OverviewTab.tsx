import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import type { HostWarning } from '../../../../shared/warnings';
import { fullTime } from '../../format/time-format';
import type { HostDetailTab } from '../../store';
import { FactList } from '../../components/FactList';
import { SummaryCards } from './SummaryCards';
import { formatBytes, formatKiB } from '../../format/units';
import { UsageBar } from './UsageBar';
import { WarningList } from './WarningList';

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Typography variant="h6" component="h3" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

function Capacity({ s }: { s: HostSnapshot }) {
  const lv = s.libvirt && !s.libvirt.error ? s.libvirt : null;
  const node = lv?.node;
  const memKiB = node?.memoryKiB ?? s.system.memoryKiB ?? 0;
  const running = lv?.domains.filter((d) => d.state === 'running' || d.state === 'idle' || d.state === 'paused') ?? [];
  const runningKiB = running.reduce((sum, d) => sum + d.currentMemoryKiB, 0);
  const definedKiB = lv?.domains.reduce((sum, d) => sum + d.memoryKiB, 0) ?? 0;
  // The host's real use (/proc/meminfo MemTotal − MemAvailable), beside what LabDeck's VMs were given.
  const osTotal = s.system.memoryKiB;
  const osAvailable = s.system.memoryAvailableKiB;
  const vcpus = running.reduce((sum, d) => sum + d.vcpus, 0);
  const cpus = node?.cpus ?? s.system.cpus ?? 0;
  const pools = lv?.pools.filter((p) => p.active) ?? [];
  const capacity = pools.reduce((sum, p) => sum + p.capacityBytes, 0);
  const allocated = pools.reduce((sum, p) => sum + p.allocationBytes, 0);
  return (
    <Panel title="Capacity">
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <UsageBar
          label="CPU"
          used={vcpus}
          total={cpus}
          format={(n) => `${n} ${n === 1 ? 'CPU' : 'CPUs'}`}
          note={
            node
              ? `${node.sockets} socket × ${node.cores} cores × ${node.threads} threads${s.system.cpuModel ? `, ${s.system.cpuModel}` : ''}${node.mhz ? ` at ${node.mhz} MHz` : ''}. Used = vCPUs of running VMs.`
              : undefined
          }
        />
        <UsageBar
          label="Memory given to running VMs"
          used={runningKiB}
          total={memKiB}
          format={formatKiB}
          note={`What the running VMs were given, not what the host uses. All ${lv?.domains.length ?? 0} defined VMs together would take ${formatKiB(definedKiB)}.`}
        />
        {osTotal !== undefined && osAvailable !== undefined && (
          <UsageBar
            label="Host memory in use"
            used={Math.max(0, osTotal - osAvailable)}
            total={osTotal}
            format={formatKiB}
            note={`The host's real use, VMs included: /proc/meminfo MemTotal − MemAvailable (${formatKiB(osAvailable)} available).`}
          />
        )}
        <UsageBar
          label="Storage"
          used={allocated}
          total={capacity}
          format={formatBytes}
          note={`Across ${pools.length} active ${pools.length === 1 ? 'pool' : 'pools'}; ${formatBytes(capacity - allocated)} free.`}
        />
      </Box>
    </Panel>
  );
}

function Facts({ s }: { s: HostSnapshot }) {
  const lv = s.libvirt;
  return (
    <Panel title="Facts">
      <FactList
        facts={[
          ['Hostname', s.hostname],
          ['Kernel', s.system.kernel],
          ['Architecture', lv?.arch ?? s.system.arch],
          ['CPU model', s.system.cpuModel],
          ['Hypervisor', lv?.hypervisor ? `${lv.hypervisor.name} ${lv.hypervisor.version}` : undefined],
          ['libvirt', lv?.libvirtVersion],
          ['libvirt URI', lv?.uri],
          ['Snapshot taken', fullTime(s.takenAt)],
        ]}
      />
    </Panel>
  );
}

type Props = { snapshot: HostSnapshot; warnings: HostWarning[]; onOpen: (t: HostDetailTab) => void };

export function OverviewTab({ snapshot: s, warnings, onOpen }: Props) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {s.kind === 'machine' && (
        <Alert severity="info">
          This machine has no virsh: LabDeck shows its interfaces only. Install libvirt to use it as a KVM host.
        </Alert>
      )}
      {s.libvirt?.error && (
        <Alert severity="error">
          <AlertTitle>libvirt is not usable on this host</AlertTitle>
          {s.libvirt.error.message}
          {s.libvirt.error.hint && (
            <Typography variant="body2" sx={{ mt: 1 }}>
              <strong>Hint:</strong> {s.libvirt.error.hint}
            </Typography>
          )}
        </Alert>
      )}
      <SummaryCards snapshot={s} onOpen={onOpen} />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2, alignItems: 'start' }}>
        <Capacity s={s} />
        <Facts s={s} />
      </Box>
      <WarningList warnings={warnings} />
      {s.warnings && s.warnings.length > 0 && (
        <Alert severity="info">
          <AlertTitle>Parts of the snapshot could not be read</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {s.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </Box>
        </Alert>
      )}
    </Box>
  );
}
