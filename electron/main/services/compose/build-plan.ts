import { AppError, type HostConfig } from '../../../../shared/contract';
import type { ComposePlan, ComposeRequestParsed, PlanCommand } from '../../../../shared/contract/compose';
import { buildComposeCommands, type ComposeStep } from '../../../../shared/compose/commands';
import type { RandomBytes } from '../../../../shared/compose/domain-xml';
import type { HostMarks } from '../../../../shared/compose/marks';
import { planAttachments } from '../../../../shared/compose/planner';
import { resolveStoragePools } from '../../../../shared/compose/storage';
import { quoteArgv } from '../../../../shared/remote/shell-quote';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { snapshotConflicts } from './conflicts';
import { parseComposeGrammar } from './grammar';

export type PlanInputs = {
  host: HostConfig;
  snapshot: HostSnapshot;
  marks: HostMarks;
  req: ComposeRequestParsed;
  /** The VM's name (the request's, or one made up by the caller). */
  name: string;
  virtType: 'kvm' | 'qemu';
  random: RandomBytes;
};

export type BuiltPlan = { plan: ComposePlan; steps: ComposeStep[] };

/** The argv the executor runs for one compose call: virsh arguments after the host's connection. */
export const virshArgv = (host: Pick<HostConfig, 'libvirtUri'>, args: readonly string[]): string[] => ['virsh', '--connect', host.libvirtUri, ...args];

export function hostArch(snapshot: HostSnapshot): string {
  return snapshot.libvirt?.arch ?? snapshot.system.arch ?? 'x86_64';
}

/**
 * Everything compose would do on this host, and why, from a snapshot: no I/O here, so the dry run
 * and the real run share it. Anything the user must fix comes back as a 'validation' AppError.
 */
export function buildPlan(i: PlanInputs): BuiltPlan {
  const { host, snapshot, req } = i;
  const lv = snapshot.libvirt;
  if (!lv || lv.error) {
    throw new AppError({ kind: 'noLibvirt', message: `${host.name} has no usable libvirt: ${lv?.error?.message ?? 'virsh is not installed'}.`, hint: lv?.error?.hint });
  }
  const grammar = parseComposeGrammar(req);
  const macvlanMode = req.macvlanMode ?? host.pod.defaultMacvlanMode;

  const pools = resolveStoragePools(
    grammar.disks,
    lv.pools.map((p) => ({ name: p.name, active: p.active, ...(p.active ? { availableBytes: p.availableBytes } : {}) })),
    host.pod.defaultPool ?? null,
  );
  if (!pools.ok) throw new AppError({ kind: 'validation', message: `storage: ${pools.error.message}`, position: pools.error.position });

  const attach = planAttachments({
    snapshot,
    marks: i.marks,
    constraints: grammar.constraints,
    macvlanMode,
    perNicModes: req.perNicModes,
    installMode: host.pod.installMode,
    defaultNetwork: host.pod.defaultNetwork || null,
  });
  if (!attach.ok) {
    const f = attach.error;
    throw new AppError({ kind: 'validation', message: `interfaces: ${f.label ? `${f.label}: ` : ''}${f.message}`, hint: f.details.join('\n') || undefined });
  }

  const takenMacs = [
    ...lv.domains.flatMap((d) => d.nics.map((n) => n.mac ?? '')),
    ...snapshot.interfaces.map((n) => n.mac ?? ''),
  ].filter(Boolean);
  const built = buildComposeCommands({
    name: i.name,
    virtType: i.virtType,
    vcpus: req.cores,
    memoryMiB: req.memoryMiB,
    arch: req.arch ?? hostArch(snapshot),
    disks: pools.value,
    pools: lv.pools.map((p) => ({ name: p.name, type: p.type, targetPath: p.targetPath })),
    plan: attach.value,
    networks: lv.networks.map((n) => ({ name: n.name, active: n.active, persistent: n.persistent })),
    macs: req.macs,
    random: i.random,
    takenMacs,
    start: req.start,
    nicRom: req.nicRom,
  });
  if (!built.ok) throw new AppError({ kind: 'validation', message: built.error });
  const cmd = built.value;

  const commands: PlanCommand[] = cmd.steps.map((s) => ({
    kind: s.kind,
    description: s.description,
    command: quoteArgv(virshArgv(host, s.argv)),
    ...(s.stdin !== undefined ? { stdin: s.stdin } : {}),
    rollback: s.rollback ? quoteArgv(virshArgv(host, s.rollback.argv)) : null,
  }));
  const plan: ComposePlan = {
    hostId: host.id,
    hostName: host.name,
    name: i.name,
    virtType: i.virtType,
    cpuMode: i.virtType === 'kvm' ? 'host-passthrough' : 'default',
    cpuReason: '',
    install: { kind: 'network', summary: 'Network boot (PXE) first, then the disk.', bootOrder: ['disk', 'network'] },
    arch: req.arch ?? hostArch(snapshot),
    cores: req.cores,
    memoryMiB: req.memoryMiB,
    start: req.start,
    macvlanMode,
    installMode: host.pod.installMode,
    nics: attach.value.nics.map((n, k) => ({ ...n, mac: cmd.macs[k] ?? '' })),
    disks: pools.value.map((d, k) => {
      const v = cmd.volumes[k];
      return {
        name: d.name,
        label: d.label,
        sizeBytes: d.sizeBytes,
        tags: d.tags,
        boot: d.boot,
        pool: d.pool,
        reason: d.reason,
        volume: v?.name ?? '',
        path: v?.path ?? '',
        format: v?.format ?? '',
      };
    }),
    warnings: attach.value.warnings,
    conflicts: snapshotConflicts(snapshot, i.name, cmd.volumes),
    domainXml: cmd.domainXml,
    commands,
    snapshotTakenAt: snapshot.takenAt,
  };
  return { plan, steps: cmd.steps };
}
