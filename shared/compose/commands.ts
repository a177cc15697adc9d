import { buildDhcpHostXml } from './domain-xml/dhcp-host';
import {
  buildDomainXml,
  nicFromAttachment,
  type BootDevice,
  type DomainCpuMode,
  type DomainDiskSpec,
  type DomainXmlRequest,
} from './domain-xml/build';
import { generateUniqueMac, normalizeMac, type RandomBytes } from './domain-xml/mac';
import type { ResolvedInstall } from './install/resolve';
import { createVolumeStep, FILE_POOL_TYPES } from './install/volume-steps';
import type { AttachmentPlan } from './planner/types';
import { err, ok, type Result } from './result';
import type { ResolvedDisk } from './storage/pools';
import { virsh } from '../virsh';

/**
 * One remote command. By default (`program` 'virsh') `argv` holds virsh's arguments only: the
 * executor runs `virsh --connect URI …argv` as an argv array (never through a shell). With
 * `program: 'sh'` argv is the whole argv (['sh', '-c', SCRIPT, '$0', …args]): for the few steps virsh
 * alone cannot do, with every user value an argument, never part of SCRIPT.
 * Options are spelled out (`--domain NAME`, `--pool P`) so a name starting with '-' stays a name.
 */
export interface VirshCall {
  program?: 'virsh' | 'sh';
  argv: string[];
  /** Text on stdin (the domain XML for define). */
  stdin?: string;
  /** Bytes on stdin (an ISO for `vol-upload --file /dev/stdin`, which reads a pipe fine). */
  stdinBytes?: Uint8Array;
  /** What it does, in a sentence (for the progress list and the audit log). */
  description: string;
}

export type ComposeStepKind =
  'create-volume' | 'resize-volume' | 'build-seed' | 'upload-seed' | 'reserve-ip' | 'define' | 'start';

export interface ComposeStep extends VirshCall {
  kind: ComposeStepKind;
  /** Undoes this step when a later one fails; null when there is nothing to undo. */
  rollback: VirshCall | null;
}

export interface PoolTarget {
  name: string;
  /** libvirt pool type: 'dir', 'fs', 'netfs' hold files; 'logical', 'zfs', 'disk' … hold block devices. */
  type: string;
  targetPath?: string;
}

export interface NetworkState {
  name: string;
  active: boolean;
  persistent: boolean;
}

export interface ComposeCommandInput extends Pick<
  DomainXmlRequest,
  'name' | 'virtType' | 'vcpus' | 'memoryMiB' | 'arch' | 'machine'
> {
  /** Disks with their pools (resolveStoragePools); the first boots. */
  disks: readonly ResolvedDisk[];
  pools: readonly PoolTarget[];
  plan: AttachmentPlan;
  networks: readonly NetworkState[];
  /** One MAC per planned NIC; generated (52:54:00:…) from `random` when absent. */
  macs?: readonly string[];
  random?: RandomBytes;
  /** MACs already used on the host (to avoid when generating). */
  takenMacs?: Iterable<string>;
  start: boolean;
  /** Overrides the install's boot order (and the default disk-then-network without one). */
  bootOrder?: BootDevice[];
  nicRom?: boolean;
  /** resolveInstall's answer: how the boot disk (disks[0]) is made, the ISO, the boot order. */
  install?: ResolvedInstall;
  /** undefined keeps the old default (host-passthrough on kvm, none on qemu); 'default'/null: no <cpu>. */
  cpuMode?: DomainCpuMode | null;
  cpuModel?: string;
  /** The NoCloud seed: its steps (built by the caller) run after the disks, before define; attached as a CD-ROM. */
  seed?: { pool: string; volume: string; path: string; steps: ComposeStep[] };
}

export interface ComposeCommandPlan {
  steps: ComposeStep[];
  domainXml: string;
  macs: string[];
  /**
   * The volumes compose creates for the VM's disks, in disk order (the seed is not among them: it
   * is `seed`'s). Never the ISO or the base image, which the VM only reads.
   */
  volumes: { pool: string; name: string; path: string; format: string }[];
}

/** A volume name: the VM's name and the disk's, with anything unusual replaced by '_'. */
export function volumeName(vmName: string, diskName: string, fileBased: boolean): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[-.]+/, '_');
  return `${clean(vmName)}-${clean(diskName)}${fileBased ? '.qcow2' : ''}`;
}

/**
 * The exact calls that compose a VM from a plan, in order, each with its rollback:
 * the boot disk as the install says (`vol-create-as`, an overlay, or `vol-clone`/`vol-create-from`
 * + `vol-resize`) and `vol-create-as` per other disk (qcow2 in file pools, raw in block pools) / `vol-delete`;
 * the seed's own steps;
 * `net-update … add ip-dhcp-host '<host …/>'` for each ip= libvirt can reserve / `… delete …`;
 * `define --file /dev/stdin --validate` with the domain XML on stdin / `undefine --nvram`;
 * optionally `start` / `destroy`.
 */
export function buildComposeCommands(input: ComposeCommandInput): Result<ComposeCommandPlan, string> {
  const { plan } = input;
  // MACs.
  const macs: string[] = [];
  const taken = new Set([...(input.takenMacs ?? [])].map((m) => m.toLowerCase()));
  for (const [i, nic] of plan.nics.entries()) {
    const given = input.macs?.[i];
    if (given !== undefined) {
      const mac = normalizeMac(given);
      if (mac === null) return err(`NIC ${nic.label}: '${given}' is not a unicast MAC address.`);
      macs.push(mac);
    } else if (input.random) {
      try {
        macs.push(generateUniqueMac(input.random, [...taken, ...macs]));
      } catch (e) {
        return err(`NIC ${nic.label}: ${(e as Error).message}`);
      }
    } else {
      return err(`NIC ${nic.label} has no MAC address and no random source was given to make one.`);
    }
  }
  if (new Set(macs).size !== macs.length) return err('Two NICs were given the same MAC address.');

  // Volumes: the boot disk as the install says (empty, overlay or copy), the others empty.
  const steps: ComposeStep[] = [];
  const volumes: ComposeCommandPlan['volumes'] = [];
  const diskSpecs: DomainDiskSpec[] = [];
  const boot = input.install?.bootDisk;
  if (boot && input.disks[0] && boot.pool !== input.disks[0].pool) {
    return err(
      `The install's boot disk is in pool ${boot.pool}, but disk ${input.disks[0].name} was placed in ${input.disks[0].pool}.`,
    );
  }
  for (const [i, disk] of input.disks.entries()) {
    const pool = input.pools.find((p) => p.name === disk.pool);
    if (!pool) return err(`Disk ${disk.name}: storage pool '${disk.pool}' is not on this host.`);
    if (!pool.targetPath)
      return err(`Disk ${disk.name}: storage pool '${pool.name}' has no target path, so the volume's path is unknown.`);
    if (i === 0 && boot) {
      volumes.push({ pool: boot.pool, name: boot.volume, path: boot.path, format: boot.format });
      diskSpecs.push({ path: boot.path, format: boot.format, kind: boot.kind });
      steps.push(...boot.steps);
      continue;
    }
    const fileBased = FILE_POOL_TYPES.has(pool.type);
    const format = fileBased ? 'qcow2' : 'raw';
    const name = volumeName(input.name, disk.name, fileBased);
    const path = `${pool.targetPath.replace(/\/+$/, '')}/${name}`;
    volumes.push({ pool: pool.name, name, path, format });
    diskSpecs.push({ path, format, kind: fileBased ? 'file' : 'block' });
    steps.push(
      createVolumeStep(
        pool.name,
        name,
        disk.sizeBytes,
        fileBased,
        `the ${disk.boot ? 'boot disk' : 'disk'} ${disk.name}`,
      ),
    );
  }
  // CD-ROMs after the disks (the disks keep vda, vdb …): the ISO first, then the seed.
  const cdrom = input.install?.cdrom;
  if (cdrom) diskSpecs.push({ path: cdrom.path, format: 'raw', kind: cdrom.kind, device: 'cdrom' });
  if (input.seed) {
    steps.push(...input.seed.steps);
    diskSpecs.push({ path: input.seed.path, format: 'raw', device: 'cdrom' });
  }

  // DHCP reservations for ip=.
  for (const [i, nic] of plan.nics.entries()) {
    if (!nic.reservation) continue;
    const mac = macs[i] ?? '';
    const hostXml = buildDhcpHostXml({ mac, ip: nic.reservation.ip });
    if (!hostXml.ok) return err(`NIC ${nic.label}: ${hostXml.error}`);
    const net = input.networks.find((n) => n.name === nic.reservation?.network);
    const call = (command: 'add' | 'delete') =>
      virsh.network.update(nic.reservation?.network ?? '', {
        command,
        section: 'ip-dhcp-host',
        xml: hostXml.value,
        live: net?.active !== false,
        config: net?.persistent !== false,
      });
    steps.push({
      kind: 'reserve-ip',
      argv: call('add'),
      description: `Reserve ${nic.reservation.ip} for ${nic.ifname} (${mac}) in network '${nic.reservation.network}'.`,
      rollback: {
        argv: call('delete'),
        description: `Remove the reservation of ${nic.reservation.ip} from network '${nic.reservation.network}'.`,
      },
    });
  }

  // The domain.
  const xml = buildDomainXml({
    name: input.name,
    virtType: input.virtType,
    vcpus: input.vcpus,
    memoryMiB: input.memoryMiB,
    arch: input.arch,
    ...(input.machine !== undefined ? { machine: input.machine } : {}),
    disks: diskSpecs,
    nics: plan.nics.map((nic, i) => nicFromAttachment(nic.attach, macs[i] ?? '')),
    ...(input.bootOrder ? { bootOrder: input.bootOrder } : input.install ? { bootOrder: input.install.bootOrder } : {}),
    ...(input.nicRom !== undefined ? { nicRom: input.nicRom } : {}),
    ...(input.cpuMode !== undefined ? { cpuMode: input.cpuMode } : {}),
    ...(input.cpuModel !== undefined ? { cpuModel: input.cpuModel } : {}),
    // What deleting the VM may remove: its disks and its seed, never the ISO or the base image.
    ownedVolumes: [
      ...volumes,
      ...(input.seed ? [{ pool: input.seed.pool, name: input.seed.volume, path: input.seed.path }] : []),
    ].map((v) => ({
      pool: v.pool,
      name: v.name,
      path: v.path,
    })),
  });
  if (!xml.ok) return err(xml.error);
  steps.push({
    kind: 'define',
    argv: virsh.domain.define('/dev/stdin', { validate: true }),
    stdin: xml.value,
    description: `Define VM ${input.name} with ${input.disks.length} disk(s)${cdrom || input.seed ? `, ${(cdrom ? 1 : 0) + (input.seed ? 1 : 0)} CD-ROM(s)` : ''} and ${plan.nics.length} NIC(s).`,
    rollback: { argv: virsh.domain.undefine(input.name, { nvram: true }), description: `Undefine VM ${input.name}.` },
  });
  if (input.start) {
    steps.push({
      kind: 'start',
      argv: virsh.domain.start(input.name),
      description: `Start VM ${input.name}.`,
      rollback: { argv: virsh.domain.destroy(input.name), description: `Stop VM ${input.name}.` },
    });
  }
  return ok({ steps, domainXml: xml.value, macs, volumes });
}

/** The rollbacks to run, newest first, after the first `completed` steps succeeded. */
export function rollbackCalls(steps: readonly ComposeStep[], completed: number): VirshCall[] {
  return steps
    .slice(0, Math.max(0, Math.min(completed, steps.length)))
    .map((s) => s.rollback)
    .filter((r): r is VirshCall => r !== null)
    .reverse();
}
