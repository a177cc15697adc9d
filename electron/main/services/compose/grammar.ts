import { AppError } from '../../../../shared/contract';
import { parseInterfaceConstraints, type InterfaceConstraintMap } from '../../../../shared/compose/constraints';
import { parseStorage, type StorageDisk } from '../../../../shared/compose/storage';
import type { PositionedError } from '../../../../shared/compose/result';

export type ParsedGrammar = { constraints: InterfaceConstraintMap; disks: StorageDisk[] };

function grammarError(field: 'interfaces' | 'storage', text: string, e: PositionedError): AppError {
  return new AppError({
    kind: 'validation',
    // The field leads so a form can put the message under the right box.
    message: `${field}: ${e.message}`,
    position: e.position,
    hint: `${text}\n${' '.repeat(e.position)}^`,
  });
}

/** Both grammars of a compose request; a mistake is a 'validation' error carrying its position. */
export function parseComposeGrammar(req: { interfaces: string; storage: string }): ParsedGrammar {
  const c = parseInterfaceConstraints(req.interfaces);
  if (!c.ok) throw grammarError('interfaces', req.interfaces, c.error);
  const s = parseStorage(req.storage);
  if (!s.ok) throw grammarError('storage', req.storage, s.error);
  return { constraints: c.value, disks: s.value };
}
