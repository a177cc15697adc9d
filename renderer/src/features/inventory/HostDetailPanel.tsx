import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import Close from '@mui/icons-material/Close';
import EditOutlined from '@mui/icons-material/EditOutlined';
import Refresh from '@mui/icons-material/Refresh';
import type { ReactNode } from 'react';
import type { HostView } from '../../../../shared/contract';
import { ErrorDetails } from '../../components/ErrorDetails';
import { monoFont } from '../../components/fonts';
import { authLabel, hostTarget, kindLabel, sshTarget } from '../../format/host-format';
import { formatKiB } from '../../format/units';
import { compactTime } from '../../format/time-format';
import { OpenHostButton } from '../../components/OpenHostButton';
import { StatusPill } from '../../components/StatusPill';

type Props = { host: HostView; onClose: () => void; onRefresh: (h: HostView) => void; onEdit: (h: HostView) => void };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ mt: 2 }}>
      <Typography variant="overline" component="h3" color="text.secondary" sx={{ lineHeight: 2 }}>
        {title}
      </Typography>
      <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: '110px 1fr', columnGap: 2, rowGap: 0.5 }}>
        {children}
      </Box>
    </Box>
  );
}

function Fact({ label, children, mono }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography
        component="dd"
        variant="body2"
        sx={{ m: 0, wordBreak: 'break-word', ...(mono ? { fontFamily: monoFont, fontSize: '0.8rem' } : {}) }}
      >
        {children ?? '—'}
      </Typography>
    </>
  );
}

/**
 * The inventory's side panel: the host's stored facts, connection and last error at a glance. Everything
 * else (compose, pod settings, VMs, networks…) is on the host's own screen, one click away.
 */
export function HostDetailPanel({ host, onClose, onRefresh, onEdit }: Props) {
  const f = host.lastFacts;
  return (
    <Paper
      component="aside"
      variant="outlined"
      aria-label={`Details for ${host.name}`}
      sx={{ width: 340, flexShrink: 0, overflow: 'auto', p: 2, display: 'flex', flexDirection: 'column' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="h6" component="h2" noWrap title={host.name}>
            {host.name}
          </Typography>
          <Typography variant="body2" color="text.secondary" noWrap>
            {hostTarget(host)}
          </Typography>
        </Box>
        <IconButton aria-label="Close details" size="small" onClick={onClose}>
          <Close fontSize="small" />
        </IconButton>
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1.5, flexWrap: 'wrap' }}>
        <StatusPill status={host.status} busy={host.refreshing} />
        <Box sx={{ flex: 1 }} />
        <Button size="small" startIcon={<Refresh />} onClick={() => onRefresh(host)} disabled={host.refreshing}>
          Refresh
        </Button>
        <Button size="small" startIcon={<EditOutlined />} onClick={() => onEdit(host)}>
          Edit
        </Button>
      </Box>
      <OpenHostButton host={host} />
      {host.statusMessage && host.statusMessage !== host.lastError?.message && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {host.statusMessage}
        </Typography>
      )}

      {host.lastError && <ErrorDetails error={host.lastError} sx={{ mt: 2 }} />}

      <Section title={host.status === 'online' ? 'Facts' : 'Last known facts'}>
        {f ? (
          <>
            <Fact label="Hostname">{f.hostname}</Fact>
            <Fact label="CPUs">{f.cpuModel ? `${f.cpus} × ${f.cpuModel}` : f.cpus}</Fact>
            <Fact label="Memory">
              {f.memoryUsedKiB !== undefined
                ? `${formatKiB(f.memoryUsedKiB)} of ${formatKiB(f.memoryKiB)} given to running VMs`
                : formatKiB(f.memoryKiB)}
            </Fact>
            {f.hostMemoryUsedKiB !== undefined && (
              <Fact label="Host memory in use">{`${formatKiB(f.hostMemoryUsedKiB)}, VMs included (MemTotal − MemAvailable)`}</Fact>
            )}
            <Fact label="Architecture">{f.arch}</Fact>
            <Fact label="Hypervisor">{f.hypervisor}</Fact>
            <Fact label="libvirt">{f.libvirtVersion}</Fact>
            <Fact label="VMs">{`${f.domainsRunning} running of ${f.domainsTotal}`}</Fact>
            <Fact label="Networks">{`${f.networksActive} active of ${f.networksTotal}`}</Fact>
            <Fact label="Last seen">{compactTime(host.lastSeen)}</Fact>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ gridColumn: '1 / -1' }}>
            No facts yet — LabDeck has not reached this host.
          </Typography>
        )}
      </Section>

      <Divider sx={{ mt: 2 }} />
      <Section title="Connection">
        <Fact label="Kind">{kindLabel(host.kind)}</Fact>
        <Fact label="Authentication">{authLabel(host.auth)}</Fact>
        {host.auth.method === 'key' && (
          <Fact label="Key file" mono>
            {host.auth.keyPath}
          </Fact>
        )}
        <Fact label="libvirt URI" mono>
          {host.libvirtUri}
        </Fact>
        {host.jump && <Fact label="Jump host">{sshTarget(host.jump.user, host.jump.address, host.jump.port)}</Fact>}
        <Fact label="Tags">{host.tags.length ? host.tags.join(', ') : undefined}</Fact>
        <Fact label="Added">{compactTime(host.addedAt)}</Fact>
      </Section>
    </Paper>
  );
}
