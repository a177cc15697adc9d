import { randomBytes } from 'node:crypto';
import { AppError, type CpuMode, type HostConfig, type VirtType } from '../../../../shared/contract';
import type { StartProbe, VirtCapabilities, VirtTypeCapability } from '../../../../shared/contract/guests';
import { probeDomainXml, RECOMMEND_ORDER, recommendVirt } from '../../../../shared/compose/domain-xml';
import { parseDomCapabilities } from '../../../../shared/snapshot/parse-domcapabilities';
import { libvirtErrorMessage } from '../../../../shared/remote/virsh-error';
import { virsh, virshArgv, virshChain } from '../../../../shared/virsh';
import type { RemoteRunner } from '../remote/remote-runner';

const ARCH = /^[a-z0-9_]+$/;
const DELIM = '@@@labdeck-domcaps@@@';

/**
 * Which virt types and CPU modes a host offers (`domcapabilities`) and which really start: a tiny
 * transient domain per combination, in RECOMMEND_ORDER until one runs, destroyed at once. QEMU can
 * refuse a CPU mode libvirt calls supported (nested hosts: "failed to set MSR"), so only a start
 * proves a default. Cached per host and arch for the session; `refresh` asks again.
 */
export class VirtCapabilitiesService {
  private readonly cache = new Map<string, Promise<VirtCapabilities>>();

  constructor(private readonly runner: RemoteRunner) {}

  get(host: HostConfig, arch: string, o: { refresh?: boolean; signal?: AbortSignal } = {}): Promise<VirtCapabilities> {
    if (!ARCH.test(arch)) throw new AppError({ kind: 'validation', message: `'${arch}' is not an architecture name.` });
    const key = `${host.id}/${arch}`;
    let p = o.refresh ? undefined : this.cache.get(key);
    if (!p) {
      p = this.read(host, arch, o.signal);
      this.cache.set(key, p);
      // Only an answer is remembered; a failed or cancelled look is asked again next time.
      p.catch(() => this.cache.delete(key));
    }
    return p;
  }

  private async read(host: HostConfig, arch: string, signal?: AbortSignal): Promise<VirtCapabilities> {
    const types = await this.domcaps(host, arch, signal);
    const probes: StartProbe[] = [];
    for (const combo of RECOMMEND_ORDER) {
      const t = types.find((x) => x.virtType === combo.virtType);
      if (!t?.available) continue;
      if (combo.cpuMode !== 'default' && !t.cpuModes.some((m) => m.mode === combo.cpuMode && m.supported)) continue;
      const probe = await this.probe(host, arch, combo.virtType, combo.cpuMode, signal);
      probes.push(probe);
      if (probe.started) break;
    }
    return {
      hostId: host.id,
      arch,
      types,
      probes,
      recommended: recommendVirt(types, probes),
      checkedAt: new Date().toISOString(),
    };
  }

  /** Both virt types in one virsh process; a type libvirt refuses comes back unavailable with its reason. */
  private async domcaps(host: HostConfig, arch: string, signal?: AbortSignal): Promise<VirtTypeCapability[]> {
    const chain = virshChain([
      virsh.host.domcapabilities({ virttype: 'kvm', arch }),
      virsh.host.echo(DELIM),
      virsh.host.domcapabilities({ virttype: 'qemu', arch }),
    ]);
    const r = await this.runner.exec(host, virshArgv(host.libvirtUri, [chain]), { signal, timeoutMs: 60_000 });
    if (r.outcome === 'cancelled' || r.outcome === 'timeout')
      throw new AppError({
        kind: r.outcome,
        message: `${host.name}: reading the virt capabilities was ${r.outcome === 'timeout' ? 'too slow' : 'cancelled'}.`,
        stderr: r.stderr,
      });
    const [kvmOut = '', qemuOut = ''] = r.stdout.split(DELIM);
    // virsh goes on after a failed command; its error lines are in stderr, in order.
    const errors = r.stderr.split(/\n(?=error: failed to get)/).map((e) => libvirtErrorMessage(e) ?? e.trim());
    return (['kvm', 'qemu'] as const).map((virtType, i) => {
      const xml = i === 0 ? kvmOut : qemuOut;
      const caps = xml.includes('<domainCapabilities') ? parseDomCapabilities(xml) : null;
      if (!caps) {
        const reason =
          errors.find((e) => e.includes(virtType) || e.includes('KVM') || e.includes('kvm')) ??
          errors[0] ??
          'libvirt did not describe it';
        return { virtType, available: false, reason, cpuModes: [], models: [], machines: [] };
      }
      return {
        virtType,
        available: true,
        cpuModes: caps.cpuModes,
        models: caps.models,
        ...(caps.hostModel !== undefined ? { hostModel: caps.hostModel } : {}),
        machines: caps.machines,
      };
    });
  }

  private async probe(
    host: HostConfig,
    arch: string,
    virtType: VirtType,
    cpuMode: CpuMode,
    signal?: AbortSignal,
  ): Promise<StartProbe> {
    const name = `labdeck-probe-${randomBytes(3).toString('hex')}`;
    const xml = probeDomainXml({ name, virtType, cpuMode, arch });
    if (!xml.ok) throw new AppError({ kind: 'internal', message: `start probe: ${xml.error}` });
    const create = await this.runner.exec(host, virshArgv(host.libvirtUri, virsh.domain.create('/dev/stdin')), {
      stdin: xml.value,
      stdinNote: `start probe: ${virtType} with CPU mode ${cpuMode}`,
      signal,
      timeoutMs: 60_000,
    });
    // Whatever happened, no probe may stay behind (a transient domain is gone once destroyed).
    if (create.outcome !== 'failed')
      await this.runner
        .exec(host, virshArgv(host.libvirtUri, virsh.domain.destroy(name)), { timeoutMs: 30_000 })
        .catch(() => undefined);
    if (create.outcome === 'cancelled' || create.outcome === 'timeout') {
      throw new AppError({
        kind: create.outcome,
        message: `${host.name}: the start probe was ${create.outcome === 'timeout' ? 'too slow' : 'cancelled'}.`,
        stderr: create.stderr,
      });
    }
    if (create.outcome === 'ok') return { virtType, cpuMode, started: true };
    return { virtType, cpuMode, started: false, error: libvirtErrorMessage(create.stderr) ?? create.stderr.trim() };
  }
}
