import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError, type HostConfig } from '../../../../shared/contract';
import {
  AnsibleExportRequest,
  AnsibleExportSaveRequest,
  type AnsibleExportResult,
  type AnsibleExportSaveResult,
} from '../../../../shared/contract/ansible-export';
import { ownedDisks, diskPath, seedVolumeName } from '../../../../shared/compose/owned-volumes';
import {
  inventoryName,
  portableDomainXml,
  portableNetworkXml,
  portablePoolXml,
  renderExport,
  vmFromCompose,
  type AnsibleExportPlan,
  type ExportNetwork,
  type ExportPool,
  type ExportReservation,
  type ExportVm,
  type ExportVolumeStep,
} from '../../../../shared/export/ansible';
import { parseVolumeXml } from '../../../../shared/snapshot/parse-vol-xml';
import type { HostSnapshot } from '../../../../shared/snapshot/types';
import { virsh, type VirshArgs } from '../../../../shared/virsh';
import type { ComposeService } from '../compose/compose-service';
import type { HostService } from '../hosts/host-service';
import type { RemoteRunner } from '../remote/remote-runner';

/**
 * Exports what LabDeck composed (or would compose) on a host, and the host's networks, as an
 * Ansible inventory + playbook (community.libvirt). Reads the host; changes nothing there.
 */
export class AnsibleExportService {
  constructor(private readonly deps: { hosts: HostService; runner: RemoteRunner; compose: ComposeService }) {}

  private host(id: string): HostConfig {
    const h = this.deps.hosts.configs().find((x) => x.id === id);
    if (!h) throw new AppError({ kind: 'notFound', message: `No host with id ${id} in the inventory.` });
    return h;
  }

  private read(host: HostConfig, args: VirshArgs): Promise<string> {
    return this.deps.runner.virsh(host, args, { timeoutMs: 60_000 });
  }

  private async pools(host: HostConfig, snap: HostSnapshot, names: Iterable<string>): Promise<ExportPool[]> {
    const out: ExportPool[] = [];
    for (const name of new Set(names)) {
      const p = snap.libvirt?.pools.find((x) => x.name === name);
      if (!p) continue;
      const xml = portablePoolXml(await this.read(host, virsh.pool.dumpxml(name, { inactive: true })));
      const dirLike = ['dir', 'fs', 'netfs'].includes(p.type);
      out.push({
        name,
        type: p.type,
        xml,
        ...(dirLike && p.targetPath ? { targetPath: p.targetPath } : {}),
        active: p.active,
        autostart: p.autostart,
      });
    }
    return out;
  }

  private async networks(
    host: HostConfig,
    snap: HostSnapshot,
    names: Iterable<string>,
    withHosts: boolean,
  ): Promise<ExportNetwork[]> {
    const out: ExportNetwork[] = [];
    for (const name of new Set(names)) {
      const n = snap.libvirt?.networks.find((x) => x.name === name);
      if (!n) continue;
      const xml = portableNetworkXml(await this.read(host, virsh.network.dumpxml(name, { inactive: true })));
      const reservations: ExportReservation[] = withHosts
        ? n.ips.flatMap((ip) =>
            (ip.dhcp?.hosts ?? [])
              .filter((h) => h.mac && ip.family === 'ipv4')
              .map((h) => ({ network: name, mac: h.mac ?? '', ip: h.ip, ...(h.name ? { name: h.name } : {}) })),
          )
        : [];
      out.push({ name, xml, active: n.active, autostart: n.autostart, reservations });
    }
    return out;
  }

  /** An existing VM from its inactive definition, its own volumes (as empty volumes or overlays) and its seed. */
  private async vm(
    host: HostConfig,
    snap: HostSnapshot,
    name: string,
    notes: string[],
  ): Promise<{ vm: ExportVm; pools: string[]; networks: string[] }> {
    const d = snap.libvirt?.domains.find((x) => x.name === name);
    if (!d) throw new AppError({ kind: 'notFound', message: `${host.name} has no VM named ${name}.` });
    const xml = portableDomainXml(await this.read(host, virsh.domain.dumpxml(name, { inactive: true })));
    const pools = snap.libvirt?.pools ?? [];
    const where = (p: string) => {
      for (const pool of pools) {
        const v = pool.volumes.find((x) => x.path === p);
        if (v) return { pool: pool.name, volume: v.name };
      }
      return undefined;
    };
    const steps: ExportVolumeStep[] = [];
    let seed: ExportVm['seed'];
    const needs: ExportVm['needs'] = [];
    for (const disk of ownedDisks(d)) {
      const p = diskPath(disk) ?? '';
      const at = where(p);
      if (!at) {
        notes.push(
          `${name}: disk ${p} is in no storage pool LabDeck knows, so it is not in the export; it must be there already.`,
        );
        continue;
      }
      if (disk.device === 'cdrom' && at.volume === seedVolumeName(name)) {
        const b64 = await this.deps.runner.run(
          host,
          [
            'sh',
            '-c',
            'virsh -q --connect "$1" vol-download --pool "$2" --vol "$3" --file /dev/stdout | base64 -w0',
            'labdeck-export',
            host.libvirtUri,
            at.pool,
            at.volume,
          ],
          { timeoutMs: 60_000 },
        );
        seed = { pool: at.pool, volume: at.volume, path: p, iso: new Uint8Array(Buffer.from(b64.trim(), 'base64')) };
        continue;
      }
      const info = parseVolumeXml(await this.read(host, virsh.volume.dumpxml({ pool: at.pool, vol: at.volume })));
      if (!info) continue;
      const backing = info.backingStore
        ? { backingVol: info.backingStore.path, backingVolFormat: info.backingStore.format }
        : {};
      const argv = virsh.volume.createAs({
        pool: at.pool,
        name: at.volume,
        capacity: String(info.capacityBytes),
        format: info.format,
        ...backing,
      });
      if (info.backingStore) {
        const base = where(info.backingStore.path);
        if (base) needs.push({ ...base, path: info.backingStore.path });
      } else {
        notes.push(
          `${name}: volume ${at.pool}/${at.volume} is made empty (${info.format}); the export carries no disk contents.`,
        );
      }
      steps.push({
        kind: 'create',
        pool: at.pool,
        volume: at.volume,
        path: p,
        argv,
        description: `Create ${at.volume} in pool ${at.pool}.`,
      });
    }
    // Install ISOs (CD-ROMs that are not the VM's own) must be there already.
    for (const disk of d.disks) {
      const p = diskPath(disk);
      const at = p ? where(p) : undefined;
      if (disk.device === 'cdrom' && p && at && at.volume !== seedVolumeName(name)) needs.push({ ...at, path: p });
    }
    const macs = new Set(d.nics.map((n) => (n.mac ?? '').toLowerCase()).filter(Boolean));
    const reservations: ExportReservation[] = (snap.libvirt?.networks ?? []).flatMap((n) =>
      n.ips.flatMap((ip) =>
        (ip.dhcp?.hosts ?? [])
          .filter((h) => h.mac && macs.has(h.mac.toLowerCase()))
          .map((h) => ({ network: n.name, mac: h.mac ?? '', ip: h.ip, ...(h.name ? { name: h.name } : {}) })),
      ),
    );
    const vm: ExportVm = {
      name,
      domainXml: xml,
      volumeSteps: steps,
      ...(seed ? { seed } : {}),
      reservations,
      start: d.state === 'running',
      needs,
    };
    const usedPools = [...steps.map((s) => s.pool), ...(seed ? [seed.pool] : []), ...needs.map((n) => n.pool)];
    const usedNets = [
      ...d.nics.filter((n) => n.type === 'network' && n.source).map((n) => n.source ?? ''),
      ...reservations.map((r) => r.network),
    ];
    return { vm, pools: usedPools, networks: usedNets };
  }

  async export(input: AnsibleExportRequest): Promise<AnsibleExportResult> {
    const req = AnsibleExportRequest.parse(input);
    const host = this.host(req.hostId);
    const notes: string[] = [];
    const vms: ExportVm[] = [];
    const poolNames: string[] = [];
    const netNames: string[] = [];
    let snap: HostSnapshot;
    if (req.plan) {
      const built = await this.deps.compose.builtPlan({ ...req.plan, hostId: host.id, maxSnapshotAgeMs: 60_000 });
      const plan = built.plan;
      const seed = plan.install.seed;
      const src = plan.install.source;
      vms.push(
        vmFromCompose({
          name: plan.name,
          steps: built.steps,
          domainXml: plan.domainXml,
          volumes: plan.disks.map((d) => ({ pool: d.pool, name: d.volume, path: d.path })),
          reservations: plan.nics.flatMap((n) =>
            n.reservation ? [{ network: n.reservation.network, mac: n.mac, ip: n.reservation.ip }] : [],
          ),
          ...(seed && built.seedFiles
            ? { seed: { pool: seed.pool, volume: seed.volume, path: seed.path, files: built.seedFiles } }
            : {}),
          ...(src ? { source: { pool: src.pool, volume: src.volume, path: src.path } } : {}),
          start: plan.start,
        }),
      );
      poolNames.push(...plan.disks.map((d) => d.pool), ...(seed ? [seed.pool] : []), ...(src ? [src.pool] : []));
      netNames.push(
        ...plan.nics.flatMap((n) => [
          ...(n.attach.type === 'network' ? [n.attach.network] : []),
          ...(n.reservation ? [n.reservation.network] : []),
        ]),
      );
      if (plan.conflicts.length > 0) notes.push(...plan.conflicts.map((c) => `On ${host.name} now: ${c}`));
      if (src)
        notes.push(
          `${src.pool}/${src.volume} must be on the host the playbook runs against: the export does not copy it.`,
        );
      snap = this.deps.hosts.latestSnapshot(host.id) ?? (await this.deps.hosts.refresh(host.id, { interactive: true }));
    } else {
      snap = await this.deps.hosts.refresh(host.id, { interactive: true });
    }
    for (const name of req.vms) {
      const r = await this.vm(host, snap, name, notes);
      vms.push(r.vm);
      poolNames.push(...r.pools);
      netNames.push(...r.networks);
    }
    const known = new Set((snap.libvirt?.networks ?? []).map((n) => n.name));
    const missing = req.networkNames.filter((n) => !known.has(n));
    if (missing.length > 0)
      throw new AppError({
        kind: 'notFound',
        message: `${host.name} has no network ${missing.join(', ')} (it has: ${[...known].join(', ') || 'none'}).`,
      });
    if (req.networks) netNames.push(...known);
    netNames.push(...req.networkNames);
    const wholeNetworks = req.networks || req.networkNames.length > 0;
    const plan: AnsibleExportPlan = {
      target: { name: host.name, address: host.address, port: host.port, user: host.user, libvirtUri: host.libvirtUri },
      pools: await this.pools(host, snap, poolNames),
      networks: await this.networks(host, snap, netNames, wholeNetworks),
      vms,
      source: `${[vms.length > 0 ? `VM${vms.length > 1 ? 's' : ''} ${vms.map((v) => v.name).join(', ')}` : '', req.networks ? 'the networks' : req.networkNames.length > 0 ? `network ${req.networkNames.join(', ')}` : ''].filter(Boolean).join(' and ')} of ${host.name} (${host.libvirtUri}).`,
    };
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    const summary = `${count(vms.length, 'VM')}, ${count(plan.networks.length, 'network')} and ${count(plan.pools.length, 'storage pool')} of ${host.name}.`;
    return {
      hostName: host.name,
      summary,
      notes,
      files: renderExport(plan),
      suggestedDir: path.join(os.homedir(), 'labdeck-ansible', inventoryName(host.name)),
    };
  }

  /** Writes the files into `dir` (made when missing); seeds (which may hold a password hash) are 0600. */
  async save(input: AnsibleExportSaveRequest): Promise<AnsibleExportSaveResult> {
    const req = AnsibleExportSaveRequest.parse(input);
    const dir = path.resolve(req.dir.startsWith('~/') ? path.join(os.homedir(), req.dir.slice(2)) : req.dir);
    if (!path.isAbsolute(req.dir) && !req.dir.startsWith('~/'))
      throw new AppError({ kind: 'validation', message: 'Give an absolute folder (or one under ~/).' });
    const written: string[] = [];
    for (const f of req.files) {
      const p = path.join(dir, f.path);
      if (!p.startsWith(dir + path.sep))
        throw new AppError({ kind: 'validation', message: `${f.path} is outside the folder.` });
      await mkdir(path.dirname(p), { recursive: true, mode: 0o700 });
      await writeFile(p, f.encoding === 'base64' ? Buffer.from(f.content, 'base64') : f.content, {
        mode: f.path.startsWith('files/') ? 0o600 : 0o644,
      });
      written.push(f.path);
    }
    return { dir, written };
  }
}
