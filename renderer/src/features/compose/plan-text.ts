import type { ComposePlan, PlanNic } from '../../../../shared/contract';

/** Where a NIC attaches, in the words an admin uses: "macvtap on eth1, mode private". */
export function attachmentText(a: PlanNic['attach']): string {
  switch (a.type) {
    case 'bridge':
      return `bridge ${a.source}`;
    case 'network':
      return `libvirt network ${a.network}`;
    case 'direct':
      return `macvtap on ${a.dev}, mode ${a.mode}`;
  }
}

export const outcomeLabels: Record<PlanNic['why']['candidates'][number]['outcome'], string> = {
  chosen: 'chosen',
  lost: 'lost',
  'no-match': 'no match',
  unusable: 'unusable',
};

/** The plan's warnings about one NIC, and those about the VM as a whole. */
export function warningsFor(plan: ComposePlan, label: string | null): ComposePlan['warnings'] {
  return plan.warnings.filter((w) => (label === null ? w.label === undefined : w.label === label));
}
