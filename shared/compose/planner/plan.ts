import { ifnameForLabel } from '../constraints/ifname';
import { emptyMarks } from '../marks';
import { err, ok, type Result } from '../result';
import { attachmentFor, modeFor } from './attach';
import { chooseDefault } from './defaults';
import { CONSTRAINT_RULE, chooseForLabel } from './choose';
import { interfaceFacts } from './facts';
import { requestedIpsOn, settleRequestedIps } from './ips';
import type { AttachmentPlan, PlanFailure, PlanInput, PlannedNic, PlanWarning } from './types';
import { passthroughConflict } from './passthrough';
import { planWarnings } from './warnings';

const NO_DHCP_ADVICE =
  'Mark the subnet or bridge that an external DHCP server answers on, or choose a libvirt network with DHCP.';

/**
 * Decides where each guest NIC attaches on the host, MAAS-style, and explains why.
 *
 * With constraints, one NIC per label in label order: the matching host interfaces are found,
 * a bridge beats a bond beats anything else, a bridge attaches as a bridge (or as its libvirt
 * network when it is one's bridge) and anything else through macvtap. Without constraints the
 * install mode's rule picks one NIC (label '0'). Every NIC says which rule decided, what else was
 * looked at and why that lost; anything impossible comes back as a failure a person can act on.
 */
export function planAttachments(input: PlanInput): Result<AttachmentPlan, PlanFailure> {
  const { snapshot } = input;
  const marks = input.marks ?? emptyMarks();
  const facts = interfaceFacts(snapshot, marks);
  const nics: PlannedNic[] = [];
  const warnings: PlanWarning[] = [];

  const constraints = input.constraints && input.constraints.size > 0 ? input.constraints : null;
  if (constraints) {
    for (const [label, set] of constraints) {
      const choice = chooseForLabel(label, set, facts, snapshot.hostname);
      if (!choice.ok) return choice;
      const f = choice.value.chosen;
      const decision = attachmentFor(f, label, input);
      if (decision.ignoredMode) {
        warnings.push({
          code: 'mode-ignored',
          label,
          message: `The macvtap mode '${decision.ignoredMode}' chosen for ${label} does not apply: ${f.iface.name} is a bridge, so there is no macvtap.`,
        });
      }
      nics.push({
        label,
        ifname: ifnameForLabel(label),
        attach: decision.attach,
        hostInterface: decision.hostInterface,
        requestedIps: requestedIpsOn(set.ip ?? [], f),
        reservation: null,
        dhcp: f.dhcp,
        why: {
          rule: CONSTRAINT_RULE,
          summary: `${choice.value.summary} ${decision.note}`,
          candidates: choice.value.verdicts,
        },
      });
    }
  } else {
    const choice = chooseDefault(
      input.installMode,
      snapshot.libvirt?.networks ?? [],
      facts,
      snapshot.hostname,
      input.defaultNetwork,
    );
    if (!choice.ok) return choice;
    const c = choice.value;
    let attach = c.attach;
    let note = '';
    if (attach.type === 'direct') {
      const { mode, from } = modeFor('0', input);
      attach = { ...attach, mode };
      note = ` It attaches by macvtap in '${mode}' mode (${from}).`;
    }
    nics.push({
      label: '0',
      ifname: ifnameForLabel('0'),
      attach,
      hostInterface: c.hostInterface,
      requestedIps: [],
      reservation: null,
      dhcp: c.dhcp,
      why: { rule: c.rule, summary: `eth0 → ${c.summary}${note}`, candidates: c.verdicts },
    });
  }

  const taken = passthroughConflict(nics, snapshot);
  if (taken) return err(taken);

  const ipResult = settleRequestedIps(nics, facts, snapshot, input.ownMacs ?? []);
  const firstIpFailure = ipResult.failures[0];
  if (firstIpFailure) return err(firstIpFailure);
  warnings.push(...ipResult.warnings);

  // MAAS refused a constrained compose when no chosen VLAN had DHCP ("DHCP must be enabled on at
  // least one VLAN"): for a deployed host that is a failure, for a hand-installed one a warning.
  if (!nics.some((n) => n.dhcp.available)) {
    const lines = nics.map((n) => `${n.label}: ${n.dhcp.detail}`);
    if (constraints && input.installMode === 'deployed') {
      return err({
        message: `None of the chosen interfaces has DHCP, so the VM could not get an address on this deployed host (MAAS refused this too). ${NO_DHCP_ADVICE}`,
        details: lines,
      });
    }
    warnings.push({
      code: 'no-dhcp',
      message: `No DHCP is known where this VM's NICs attach (${lines.join('; ')}): it will not get an address by DHCP or boot from the network. ${NO_DHCP_ADVICE}`,
    });
  }
  warnings.unshift(...planWarnings(nics, facts, snapshot));
  return ok({ nics, warnings });
}
