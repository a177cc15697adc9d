import type { InterruptedJob, RecoveryResult } from '../../../../shared/contract';
import type { ComposeJournal } from './compose-journal';

/** Composes an earlier run left unfinished, and undoing them; the host is re-read afterwards. */
export class Recovery {
  constructor(
    private readonly journal: Pick<ComposeJournal, 'list' | 'rollback'>,
    private readonly reread: (hostId: string) => void,
  ) {}

  list(): Promise<InterruptedJob[]> {
    return this.journal.list();
  }

  async rollback(id: string): Promise<RecoveryResult> {
    const hostId = (await this.journal.list()).find((j) => j.id === id)?.hostId;
    const result = await this.journal.rollback(id);
    // The inventory should show the host as it is now.
    if (hostId) this.reread(hostId);
    return result;
  }
}
