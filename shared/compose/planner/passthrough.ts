import { isDomainUp } from '../../warnings/attachments';
import type { PlanFailure, PlannedNic, PlannerSnapshot } from './types';

const isPassthrough = (mode: string | undefined) => mode === 'passthrough' || mode === 'passthru';

/**
 * A macvtap in passthrough mode takes its NIC whole: QEMU refuses to start a second guest on it
 * ("error creating macvtap interface …: Invalid argument", checked on the lab). So a plan that
 * would share a NIC with a *running* passthrough guest, or want passthrough on a NIC running
 * guests or host macvtaps already use, is refused before anything is made. VMs that are merely
 * defined only get the warning: they collide when both run.
 */
export function passthroughConflict(nics: readonly PlannedNic[], snapshot: PlannerSnapshot): PlanFailure | null {
  const running = (snapshot.libvirt?.domains ?? []).filter(isDomainUp);
  for (const nic of nics) {
    const a = nic.attach;
    if (a.type !== 'direct') continue;
    const onDev = running.flatMap((d) =>
      d.nics.filter((n) => n.type === 'direct' && n.source === a.dev).map((n) => ({ d, n })),
    );
    const hostTaps = snapshot.interfaces.filter(
      (i) =>
        (i.kind === 'macvtap' || i.kind === 'macvlan') &&
        (i.macvlan?.parent ?? i.parent) === a.dev &&
        !running.some((d) => d.nics.some((n) => n.target === i.name)),
    );
    const siblings = nics.filter((o) => o !== nic && o.attach.type === 'direct' && o.attach.dev === a.dev);
    if (a.mode === 'passthrough') {
      const who = [
        ...onDev.map(
          ({ d, n }) => `running VM '${d.name}' (${isPassthrough(n.mode) ? 'passthrough' : (n.mode ?? 'macvtap')})`,
        ),
        ...hostTaps.map((i) => `host interface ${i.name}`),
        ...siblings.map((o) => `NIC ${o.label} of this VM`),
      ];
      if (who.length > 0) {
        return {
          label: nic.label,
          message: `${nic.label} wants ${a.dev} in passthrough mode, which takes the NIC whole, but ${a.dev} is in use by ${who.join(', ')}: the VM could not start. Choose another NIC or mode, or stop ${who.length > 1 ? 'those' : 'that'} first.`,
          details: [],
        };
      }
      continue;
    }
    const holder =
      onDev.find(({ n }) => isPassthrough(n.mode)) ??
      (siblings.some((o) => o.attach.type === 'direct' && o.attach.mode === 'passthrough')
        ? { d: { name: 'this VM' }, n: null }
        : undefined);
    if (holder) {
      return {
        label: nic.label,
        message: `${a.dev} is held in passthrough mode by ${holder.d.name === 'this VM' ? 'another NIC of this VM' : `running VM '${holder.d.name}'`}, so ${nic.label} cannot share it: the VM could not start. Choose another NIC.`,
        details: [],
      };
    }
  }
  return null;
}
