import type { ComposePlan } from '../../../../shared/contract/compose';
import { normalizeMacvlanMode } from '../../../../shared/compose/macvlan-modes';
import { parseDomainXml } from '../../../../shared/snapshot/parse-domain-xml';

const sourceOf = (a: ComposePlan['nics'][number]['attach']): string =>
  a.type === 'bridge' ? a.source : a.type === 'network' ? a.network : a.dev;

/**
 * Compares the domain libvirt really holds (dumpxml) with the plan: MAAS once let a failed NIC
 * attach pass, and VMs came up with fewer NICs. Returns every difference, as sentences.
 */
export function verifyDomain(xml: string, plan: Pick<ComposePlan, 'name' | 'nics' | 'disks'>): string[] {
  const dom = parseDomainXml(xml);
  if (!dom) return [`virsh dumpxml did not return a domain for '${plan.name}'.`];
  const problems: string[] = [];
  if (dom.name !== plan.name) problems.push(`the domain is named '${dom.name}', not '${plan.name}'.`);
  if (dom.nics.length !== plan.nics.length) {
    problems.push(`the VM has ${dom.nics.length} NIC(s) but the plan has ${plan.nics.length}.`);
  }
  plan.nics.forEach((want, i) => {
    const got = dom.nics[i];
    if (!got) return;
    const label = `NIC ${want.ifname}`;
    if (got.type !== want.attach.type) problems.push(`${label} is type '${got.type}', planned '${want.attach.type}'.`);
    else if (got.source !== sourceOf(want.attach))
      problems.push(`${label} is on '${got.source ?? 'nothing'}', planned '${sourceOf(want.attach)}'.`);
    if (want.attach.type === 'direct' && normalizeMacvlanMode(got.mode ?? 'bridge') !== want.attach.mode) {
      problems.push(`${label} is in macvtap mode '${got.mode ?? '(none)'}', planned '${want.attach.mode}'.`);
    }
    if ((got.mac ?? '').toLowerCase() !== want.mac.toLowerCase())
      problems.push(`${label} has MAC ${got.mac ?? '(none)'}, planned ${want.mac}.`);
  });
  const disks = dom.disks.filter((d) => d.device === 'disk');
  if (disks.length !== plan.disks.length)
    problems.push(`the VM has ${disks.length} disk(s) but the plan has ${plan.disks.length}.`);
  plan.disks.forEach((want, i) => {
    const got = disks[i];
    const path = got?.source?.file ?? got?.source?.dev;
    if (got && path !== want.path)
      problems.push(`disk ${want.name} points at '${path ?? 'nothing'}', planned '${want.path}'.`);
  });
  return problems;
}
