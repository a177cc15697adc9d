import type { EventName, EventPayload } from '../../../shared/contract';

type Listener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** The engine's single outlet for pushed events; each adapter subscribes once and forwards. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // One broken subscriber (a closed window, a dead socket) must not stop the others.
      }
    }
  }
}
