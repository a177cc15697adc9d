import type { PlanInstall } from '../../../../shared/contract';

const DEVICE: Record<PlanInstall['bootOrder'][number], string> = {
  cdrom: 'CD-ROM',
  disk: 'disk',
  network: 'network (PXE)',
};

/** "network (PXE), then disk". */
export function bootOrderText(order: PlanInstall['bootOrder']): string {
  return order.length === 0 ? 'the firmware default' : order.map((d) => DEVICE[d]).join(', then ');
}

/** "built on the host with cloud-localds" / "built by LabDeck and uploaded". */
export function seedBuilderText(seed: NonNullable<PlanInstall['seed']>): string {
  return seed.builder === 'host'
    ? `built on the host${seed.tool ? ` with ${seed.tool}` : ''}`
    : 'built by LabDeck and uploaded';
}
