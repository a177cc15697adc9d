import { parseStorage, resolveStoragePools, type PoolInfo } from '../../../../shared/compose';
import { firstCloudInitProblem } from './cloud-init-draft';
import { resourceProblems, type ComposeDraft } from './compose-draft';
import { installProblem } from './install-draft';
import { checkInterfaces } from './interface-editor';

export type BlockerStep = 'resources' | 'install' | 'interfaces';

/** The host's pools as the Resources step shows them; given once the snapshot is read. */
export type StorageContext = { pools: readonly PoolInfo[]; defaultPool: string | null };

/**
 * Why the form cannot be planned yet, in a sentence pointing at the step to fix; null when it can.
 * With the host's pools, a disk no pool has room for (`root:99999`) holds the Resources step, with the
 * very error the step shows — not the Interfaces step later.
 */
export function formBlocker(
  draft: ComposeDraft,
  pools?: StorageContext | null,
): { step: BlockerStep; message: string } | null {
  const p = resourceProblems(draft);
  const first = p.hostname ?? p.cores ?? p.memoryMiB ?? p.cpuModel;
  if (first) return { step: 'resources', message: `Resources: ${first}` };
  const storage = parseStorage(draft.storage);
  if (!storage.ok) return { step: 'resources', message: `Storage: ${storage.error.message}` };
  if (pools) {
    const resolved = resolveStoragePools(storage.value, pools.pools, pools.defaultPool);
    if (!resolved.ok) return { step: 'resources', message: `Storage: ${resolved.error.message}` };
  }
  const install = installProblem(draft.install);
  if (install) return { step: 'install', message: `Install: ${install}` };
  if (draft.install.kind === 'cloud-image') {
    const seed = firstCloudInitProblem(draft.cloudInit);
    if (seed) return { step: 'install', message: `cloud-init — ${seed}` };
  }
  const check = checkInterfaces(draft.interfaces);
  if (check.text) return { step: 'interfaces', message: `Interface constraints: ${check.text.message}` };
  if (check.row) return { step: 'interfaces', message: `NIC builder: ${check.row.message}` };
  return null;
}

/** Whether Next may leave `step`: only mistakes on this step or an earlier one hold it back. */
export function blocksStep(blocker: { step: BlockerStep } | null, step: BlockerStep): boolean {
  if (!blocker) return false;
  const order: BlockerStep[] = ['resources', 'install', 'interfaces'];
  return order.indexOf(blocker.step) <= order.indexOf(step);
}

/** Request fields the Install step (and Resources' CPU choices) own: a refusal naming them is fixed there. */
const INSTALL_FIELDS = /^(install|cloudInit|virtType|cpuMode|cpuModel)\b/;

/** Refusals about the disks (`storage: not enough space …`) belong to Resources. */
const RESOURCE_FIELDS = /^(storage|hostname|cores|memoryMiB|arch)\b/;

/** Which step a plan refusal belongs to: the disks', the install source's, or the NICs' (everything else). */
export function refusalStep(error: { kind: string; message: string }): 'resources' | 'install' | 'interfaces' {
  if (error.kind !== 'validation') return 'interfaces';
  if (RESOURCE_FIELDS.test(error.message)) return 'resources';
  return INSTALL_FIELDS.test(error.message) ? 'install' : 'interfaces';
}
