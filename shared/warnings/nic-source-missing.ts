import type { HostSnapshot } from '../snapshot/types';
import { isDomainUp, nicAttachments, nicLabel } from './attachments';
import type { HostWarning } from './types';

/** A VM NIC naming a bridge, NIC or network the host does not have: the VM cannot start (or that NIC is dead). */
export function nicSourceMissingWarnings(snapshot: Pick<HostSnapshot, 'libvirt' | 'interfaces'>): HostWarning[] {
  const names = new Set(snapshot.interfaces.map((i) => i.name));
  const out: HostWarning[] = [];
  for (const a of nicAttachments(snapshot)) {
    const { type, source } = a.nic;
    if (!source) continue;
    let missing: string | null = null;
    if (type === 'network' && !a.network) missing = `network ${source}, which does not exist on this host`;
    else if ((type === 'bridge' || type === 'direct') && !names.has(source))
      missing = `${source}, which this host does not have`;
    if (!missing) continue;
    const effect = isDomainUp(a.domain)
      ? 'that NIC has no link'
      : `${a.domain.name} will fail to start until it exists or the NIC is changed`;
    out.push({
      code: 'nic-source-missing',
      severity: 'warning',
      message: `${a.domain.name}'s ${nicLabel(a)} attaches to ${missing}: ${effect}.`,
      subject: { kind: 'domain', name: a.domain.name },
      related: [],
    });
  }
  return out;
}
