import { AppError, type CpuMode, type HostConfig, type VirtType } from '../../../../shared/contract';
import type { ComposePlan, ComposeRequestParsed, PlanCommand } from '../../../../shared/contract/compose';
import { buildSeedFiles, redactSeed, type SeedFiles } from '../../../../shared/cloud-init';
import { buildComposeCommands, volumeName, type ComposeStep } from '../../../../shared/compose/commands';
import { generateUniqueMac, type RandomBytes } from '../../../../shared/compose/domain-xml';
import { FILE_POOL_TYPES, resolveInstall } from '../../../../shared/compose/install';
import type { HostMarks } from '../../../../shared/compose/marks';
import { seedVolumeName } from '../../../../shared/compose/owned-volumes';
import { interfaceFacts, planAttachments } from '../../../../shared/compose/planner';
import { seedNics } from '../../../../shared/compose/seed-network';
import { planSeed } from '../../../../shared/compose/seed-steps';
import { resolveStoragePools } from '../../../../shared/compose/storage';
import type { VolumeInfo } from '../../../../shared/snapshot/parse-vol-xml';
import { quoteArgv } from '../../../../shared/remote/shell-quote';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { snapshotConflicts } from './conflicts';
import { parseComposeGrammar } from './grammar';
import { hostReadOnlyReason } from '../../../../shared/snapshot/read-only';
import { virshArgv } from '../../../../shared/virsh';

export type PlanInputs = {
  host: HostConfig;
  snapshot: HostSnapshot;
  marks: HostMarks;
  req: ComposeRequestParsed;
  /** The VM's name (the request's, or one made up by the caller). */
  name: string;
  /** Virt type and CPU mode, already chosen (request → pod → what the host's start probe saw work). */
  virt: { virtType: VirtType; cpuMode: CpuMode; cpuModel?: string; reason: string };
  /** `vol-dumpxml` of the ISO or base image, when the install names one (read by the caller). */
  sourceVolume?: VolumeInfo;
  random: RandomBytes;
};

/** seedFiles: the seed's files unredacted (the Ansible export ships them; never shown or logged). */
export type BuiltPlan = { plan: ComposePlan; steps: ComposeStep[]; seedFiles?: SeedFiles };

/** The whole argv of a step: virsh's arguments after the connection, or a step's own argv ('sh'). */
export const stepArgv = (
  host: Pick<HostConfig, 'libvirtUri'>,
  step: Pick<ComposeStep, 'program' | 'argv'>,
): string[] => (step.program === 'sh' ? [...step.argv] : virshArgv(host.libvirtUri, step.argv));

const hex = (random: RandomBytes, n: number) => [...random(n)].map((b) => b.toString(16).padStart(2, '0')).join('');

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
    throw new AppError({
      kind: 'noLibvirt',
      message: `${host.name} has no usable libvirt: ${lv?.error?.message ?? 'virsh is not installed'}.`,
      hint: lv?.error?.hint,
    });
  }
  const readOnly = hostReadOnlyReason(host.libvirtUri, snapshot);
  if (readOnly)
    throw new AppError({
      kind: 'validation',
      message: `${host.name} is read-only: compose would change nothing there. ${readOnly}`,
    });
  const grammar = parseComposeGrammar(req);
  const macvlanMode = req.macvlanMode ?? host.pod.defaultMacvlanMode;

  const pools = resolveStoragePools(
    grammar.disks,
    lv.pools.map((p) => ({
      name: p.name,
      active: p.active,
      ...(p.active ? { availableBytes: p.availableBytes } : {}),
    })),
    host.pod.defaultPool ?? null,
  );
  if (!pools.ok)
    throw new AppError({
      kind: 'validation',
      message: `storage: ${pools.error.message}`,
      position: pools.error.position,
    });

  const attach = planAttachments({
    snapshot,
    marks: i.marks,
    constraints: grammar.constraints,
    macvlanMode,
    perNicModes: req.perNicModes,
    installMode: host.pod.installMode,
    defaultNetwork: host.pod.defaultNetwork || null,
    ownMacs: req.macs ?? [],
  });
  if (!attach.ok) {
    const f = attach.error;
    throw new AppError({
      kind: 'validation',
      message: `interfaces: ${f.label ? `${f.label}: ` : ''}${f.message}`,
      hint: f.details.join('\n') || undefined,
    });
  }

  const takenMacs = [
    ...lv.domains.flatMap((d) => d.nics.map((n) => n.mac ?? '')),
    ...snapshot.interfaces.map((n) => n.mac ?? ''),
  ].filter(Boolean);
  // MACs are drawn here, before the commands, because a seed's network-config names them.
  const macs: string[] = req.macs ? [...req.macs] : [];
  for (let k = macs.length; k < attach.value.nics.length; k++)
    macs.push(generateUniqueMac(i.random, [...takenMacs, ...macs]));

  const snapPools = lv.pools.map((p) => ({ name: p.name, type: p.type, targetPath: p.targetPath }));
  const bootDisk = pools.value[0];
  if (!bootDisk) throw new AppError({ kind: 'validation', message: 'storage: the VM needs a boot disk.' });
  const bootPool = lv.pools.find((p) => p.name === bootDisk.pool);
  const bootFileBased = FILE_POOL_TYPES.has(bootPool?.type ?? 'dir');
  const bootVolume = volumeName(i.name, bootDisk.name, bootFileBased);
  const cloudImage = req.install?.kind === 'cloud-image';
  if (req.cloudInit && !cloudImage) {
    throw new AppError({
      kind: 'validation',
      message: 'cloud-init: only a cloud image reads a seed; choose a cloud-image install or leave cloud-init out.',
    });
  }
  const install = resolveInstall({
    source: req.install,
    bootDisk: {
      name: bootDisk.name,
      sizeBytes: bootDisk.sizeBytes,
      pool: bootDisk.pool,
      volume: bootVolume,
      path: `${(bootPool?.targetPath ?? '').replace(/\/+$/, '')}/${bootVolume}`,
    },
    sourceVolume: i.sourceVolume,
    pools: lv.pools.map((p) => ({
      name: p.name,
      type: p.type,
      active: p.active,
      availableBytes: p.availableBytes,
      targetPath: p.targetPath,
      volumes: p.volumes.map((v) => v.name),
    })),
    seed: cloudImage,
  });
  if (!install.ok) throw new AppError({ kind: 'validation', message: `install: ${install.error}` });

  // A cloud image always gets a seed: without one it waits for a datasource and has no way in.
  let seed: ReturnType<typeof planSeed> | undefined;
  let seedFiles: ReturnType<typeof redactSeed> | undefined;
  let rawSeedFiles: SeedFiles | undefined;
  let staticNics = new Set<string>();
  if (cloudImage) {
    const ci = req.cloudInit;
    const network = seedNics(
      attach.value.nics.map((n, k) => ({
        mac: macs[k] ?? '',
        hostInterface: n.hostInterface,
        requestedIps: n.requestedIps,
      })),
      interfaceFacts(snapshot, i.marks),
    );
    const files = buildSeedFiles({
      hostname: i.name,
      instanceId: `${i.name}-${hex(i.random, 4)}`,
      ...(ci?.user !== undefined ? { user: ci.user } : {}),
      ...(ci?.passwordHash !== undefined ? { passwordHash: ci.passwordHash } : {}),
      sshKeys: ci?.sshKeys ?? [],
      ...(ci?.userData !== undefined ? { userData: ci.userData } : {}),
      nics: network.nics,
    });
    if (!files.ok) throw new AppError({ kind: 'validation', message: `cloud-init: ${files.error}` });
    staticNics = new Set(attach.value.nics.filter((n) => n.requestedIps.length > 0).map((n) => n.label));
    seed = planSeed({
      uri: host.libvirtUri,
      pool: bootDisk.pool,
      poolPath: bootPool?.targetPath ?? '',
      volume: seedVolumeName(i.name),
      files: files.value,
      hostTools: snapshot.system.tools ?? [],
    });
    seedFiles = redactSeed(files.value);
    rawSeedFiles = files.value;
  }

  const built = buildComposeCommands({
    name: i.name,
    virtType: i.virt.virtType,
    vcpus: req.cores,
    memoryMiB: req.memoryMiB,
    arch: req.arch ?? hostArch(snapshot),
    disks: pools.value,
    pools: snapPools,
    plan: attach.value,
    networks: lv.networks.map((n) => ({ name: n.name, active: n.active, persistent: n.persistent })),
    macs,
    takenMacs,
    start: req.start,
    nicRom: req.nicRom,
    install: install.value,
    cpuMode: i.virt.cpuMode,
    ...(i.virt.cpuModel !== undefined ? { cpuModel: i.virt.cpuModel } : {}),
    ...(seed ? { seed: { pool: seed.pool, volume: seed.volume, path: seed.path, steps: seed.steps } } : {}),
  });
  if (!built.ok) throw new AppError({ kind: 'validation', message: built.error });
  const cmd = built.value;

  const commands: PlanCommand[] = cmd.steps.map((s) => ({
    kind: s.kind,
    description: s.description,
    command: quoteArgv(stepArgv(host, s)),
    ...(s.stdin !== undefined
      ? { stdin: s.stdin }
      : s.stdinBytes !== undefined
        ? { stdin: `(${s.stdinBytes.length} bytes: the seed ISO LabDeck built)` }
        : {}),
    rollback: s.rollback ? quoteArgv(stepArgv(host, s.rollback)) : null,
  }));
  const r = install.value;
  // The seed gives ip= addresses to the guest itself, so "configure it inside the guest" is done.
  const warnings = attach.value.warnings.filter(
    (w) => !(w.code === 'ip-not-reservable' && w.label !== undefined && staticNics.has(w.label)),
  );
  const plan: ComposePlan = {
    hostId: host.id,
    hostName: host.name,
    name: i.name,
    virtType: i.virt.virtType,
    cpuMode: i.virt.cpuMode,
    ...(i.virt.cpuModel !== undefined ? { cpuModel: i.virt.cpuModel } : {}),
    cpuReason: i.virt.reason,
    install: {
      kind: r.kind,
      summary: [r.summary, ...r.notes].join(' '),
      ...(r.source ? { source: r.source } : {}),
      ...(seed && seedFiles
        ? {
            seed: {
              pool: seed.pool,
              volume: seed.volume,
              path: seed.path,
              builder: seed.builder,
              ...(seed.tool ? { tool: seed.tool } : {}),
              metaData: seedFiles.metaData,
              userData: seedFiles.userData,
              ...(seedFiles.networkConfig !== undefined ? { networkConfig: seedFiles.networkConfig } : {}),
            },
          }
        : {}),
      bootOrder: r.bootOrder,
    },
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
    warnings,
    conflicts: snapshotConflicts(snapshot, i.name, [
      ...cmd.volumes,
      ...(seed ? [{ pool: seed.pool, name: seed.volume }] : []),
    ]),
    domainXml: cmd.domainXml,
    commands,
    snapshotTakenAt: snapshot.takenAt,
  };
  return { plan, steps: cmd.steps, ...(rawSeedFiles ? { seedFiles: rawSeedFiles } : {}) };
}
