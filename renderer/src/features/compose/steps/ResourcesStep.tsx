import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { parseStorage, resolveStoragePools } from '../../../../../shared/compose';
import type { HostView } from '../../../../../shared/contract';
import type { HostSnapshot } from '../../../../../shared/snapshot/types';
import { resourceProblems, type ComposeDraft } from '../compose-draft';
import { DiskPoolTable } from '../DiskPoolTable';
import { PoolList } from '../PoolList';
import { setDiskPool } from '../storage-pool-tags';
import { StorageField } from '../StorageField';
import { formatKiB } from '../../../format/units';
import { VirtSection } from '../VirtSection';

type Props = {
  host: HostView;
  snapshot: HostSnapshot | null;
  draft: ComposeDraft;
  patch: (p: Partial<ComposeDraft>) => void;
};

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-label={title} sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="overline" component="h3" color="text.secondary" sx={{ lineHeight: 1.6 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

/** The host's architectures as libvirt and the OS report them (usually one). */
function archOptions(snapshot: HostSnapshot | null, host: HostView): string[] {
  const seen = [snapshot?.libvirt?.arch, snapshot?.system.arch, host.lastFacts?.arch].filter((a): a is string =>
    Boolean(a),
  );
  return [...new Set(seen)];
}

/** Step 2: name, CPU, memory, architecture, virt type and CPU mode, and disks (with the pool each lands in). */
export function ResourcesStep({ host, snapshot, draft, patch }: Props) {
  const problems = resourceProblems(draft);
  const facts = host.lastFacts;
  const arches = archOptions(snapshot, host);
  const pools = snapshot?.libvirt?.pools ?? [];
  const storage = parseStorage(draft.storage);
  const resolved = storage.ok
    ? resolveStoragePools(
        storage.value,
        pools.map((p) => ({
          name: p.name,
          active: p.active,
          ...(p.active ? { availableBytes: p.availableBytes } : {}),
        })),
        host.pod.defaultPool || null,
      )
    : null;
  const freeMemKiB = facts?.memoryUsedKiB !== undefined ? facts.memoryKiB - facts.memoryUsedKiB : undefined;
  // A warning, not a refusal: the host may get more memory, and defining such a VM is legitimate.
  const tooBig = facts !== undefined && !problems.memoryMiB && Number(draft.memoryMiB) * 1024 > facts.memoryKiB;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 3, maxWidth: 1100 }}>
      <Section title="Machine">
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: 'minmax(240px, 2fr) repeat(3, minmax(140px, 1fr))',
            gap: 2,
            alignItems: 'start',
          }}
        >
          <TextField
            label="Hostname"
            value={draft.hostname}
            onChange={(e) => patch({ hostname: e.target.value })}
            error={Boolean(problems.hostname)}
            helperText={
              problems.hostname ?? 'The libvirt domain name. Leave empty and LabDeck makes one up (vm-xxxxxx).'
            }
            slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
          />
          <TextField
            label="Cores"
            value={draft.cores}
            onChange={(e) => patch({ cores: e.target.value })}
            error={Boolean(problems.cores)}
            helperText={problems.cores ?? (facts ? `The host has ${facts.cpus}.` : ' ')}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
          <TextField
            label="Memory (MiB)"
            value={draft.memoryMiB}
            onChange={(e) => patch({ memoryMiB: e.target.value })}
            error={Boolean(problems.memoryMiB)}
            helperText={
              problems.memoryMiB ??
              (tooBig ? (
                <Box component="span" sx={{ color: 'warning.dark' }}>
                  More than the host&apos;s {formatKiB(facts?.memoryKiB ?? 0)}: the VM can be defined but will not
                  start.
                </Box>
              ) : facts ? (
                `The host has ${formatKiB(facts.memoryKiB)}${freeMemKiB !== undefined ? `, ${formatKiB(freeMemKiB)} not used by VMs` : ''}.`
              ) : (
                ' '
              ))
            }
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
          <TextField
            select
            label="Architecture"
            value={draft.arch || (arches[0] ?? '')}
            onChange={(e) => patch({ arch: e.target.value === arches[0] ? '' : e.target.value })}
            helperText="From the host's snapshot."
            disabled={arches.length === 0}
          >
            {arches.map((a, i) => (
              <MenuItem key={a} value={a}>
                {i === 0 ? `${a} (the host's)` : a}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }}>
          <FormControlLabel
            control={<Switch checked={draft.start} onChange={(e) => patch({ start: e.target.checked })} />}
            label="Start the VM once it is defined"
          />
          <FormControlLabel
            control={<Switch checked={draft.nicRom} onChange={(e) => patch({ nicRom: e.target.checked })} />}
            label="Network boot ROM (iPXE) on NICs"
          />
        </Box>
        {!draft.nicRom && (
          <Typography variant="caption" color="text.secondary" sx={{ mt: -1 }}>
            Without a boot ROM the VM cannot PXE-boot; lab guests that should stay idle want it off.
          </Typography>
        )}
      </Section>

      <Section title="Virtualization">
        <VirtSection host={host} draft={draft} patch={patch} cpuModelError={problems.cpuModel} />
      </Section>

      <Section title="Storage">
        <StorageField
          value={draft.storage}
          error={storage.ok ? null : storage.error}
          onChange={(storage) => patch({ storage })}
        />
        {storage.ok && (
          <DiskPoolTable
            disks={storage.value}
            resolved={resolved?.ok ? resolved.value : null}
            poolError={resolved && !resolved.ok ? resolved.error.message : null}
            pools={pools}
            defaultPool={host.pod.defaultPool || undefined}
            onPick={(i, pool) =>
              patch({
                storage: setDiskPool(
                  draft.storage,
                  i,
                  pool,
                  pools.map((p) => p.name),
                ),
              })
            }
          />
        )}
        <Typography variant="subtitle2" component="h4" sx={{ mt: 1 }}>
          Pools on {host.name}
        </Typography>
        {snapshot ? (
          <PoolList pools={pools} defaultPool={host.pod.defaultPool || undefined} />
        ) : (
          <Typography variant="body2">Reading the host…</Typography>
        )}
      </Section>
    </Box>
  );
}
