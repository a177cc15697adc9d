import { parseStorage } from '../../../../shared/compose';
import { resourceProblems, type ComposeDraft } from './compose-draft';
import { checkInterfaces } from './interface-editor';

/** Why the form cannot be planned yet, in a sentence pointing at the step to fix; null when it can. */
export function formBlocker(draft: ComposeDraft): { step: 'resources' | 'interfaces'; message: string } | null {
  const p = resourceProblems(draft);
  const first = p.hostname ?? p.cores ?? p.memoryMiB;
  if (first) return { step: 'resources', message: `Resources: ${first}` };
  const storage = parseStorage(draft.storage);
  if (!storage.ok) return { step: 'resources', message: `Storage: ${storage.error.message}` };
  const check = checkInterfaces(draft.interfaces);
  if (check.text) return { step: 'interfaces', message: `Interface constraints: ${check.text.message}` };
  if (check.row) return { step: 'interfaces', message: `NIC builder: ${check.row.message}` };
  return null;
}
