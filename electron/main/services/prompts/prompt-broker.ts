import { randomUUID } from 'node:crypto';
import type { Prompt, PromptAnswer } from '../../../../shared/contract';
import type { EventBus } from '../event-bus';

type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;
export type PromptRequest = DistributiveOmit<Prompt, 'promptId'>;
type Pending = { prompt: Prompt; resolve: (a: PromptAnswer | null) => void; timer: NodeJS.Timeout };

/**
 * Asks the user a question through whichever UI is attached and waits for the answer. An unanswered
 * prompt expires (resolving as "cancel") so a forgotten dialog never holds a connection forever.
 */
export class PromptBroker {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly bus: EventBus,
    private readonly timeoutMs = 5 * 60_000,
  ) {}

  ask(request: PromptRequest): Promise<PromptAnswer | null> {
    const promptId = randomUUID();
    const prompt = { ...request, promptId } as Prompt;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.finish(promptId, null), this.timeoutMs);
      timer.unref?.();
      this.pending.set(promptId, { prompt, resolve, timer });
      this.bus.emit('prompt.opened', prompt);
    });
  }

  /** Returns false when the prompt is gone (answered elsewhere or expired). */
  answer(answer: PromptAnswer): boolean {
    if (!this.pending.has(answer.promptId)) return false;
    this.finish(answer.promptId, answer);
    return true;
  }

  open(): Prompt[] {
    return [...this.pending.values()].map((p) => p.prompt);
  }

  cancelAll(): void {
    for (const id of [...this.pending.keys()]) this.finish(id, null);
  }

  private finish(promptId: string, answer: PromptAnswer | null): void {
    const p = this.pending.get(promptId);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(promptId);
    this.bus.emit('prompt.closed', { promptId });
    p.resolve(answer);
  }
}
