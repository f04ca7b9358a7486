import { EventEmitter } from 'node:events';

/**
 * How the rest of the process talks to the dispatcher without holding it: "something was
 * enqueued, look now" and "this process finished an attempt at row N". Created first in the
 * composition root, so inbox, schedules and channels can be built before the dispatcher exists.
 */
export class OutboxSignal {
  readonly #events = new EventEmitter().setMaxListeners(0);

  /** Something was enqueued: the dispatcher looks now rather than at its next poll. */
  kick(): void {
    this.#events.emit('kick');
  }
  onKick(listener: () => void): () => void {
    this.#events.on('kick', listener);
    return () => this.#events.off('kick', listener);
  }

  /**
   * Rows this process has just committed: its dispatcher leases them by id rather than reading the
   * whole outbox, so that replicas do not race for each other's fresh rows. Without a listener
   * (no dispatcher in this process), a kick.
   */
  offer(ids: readonly number[]): void {
    if (ids.length === 0) return;
    if (this.#events.listenerCount('offer') === 0) this.kick();
    else this.#events.emit('offer', ids);
  }
  onOffer(listener: (ids: readonly number[]) => void): () => void {
    this.#events.on('offer', listener);
    return () => this.#events.off('offer', listener);
  }

  /**
   * An attempt at an outbox row ended (sent, failed, or handed back). `final`: it ended for good and
   * that is committed, so a waiter need not ask the database.
   */
  settled(id: number, final = false): void {
    this.#events.emit('settled', id, final);
  }
  onSettled(listener: (id: number, final: boolean) => void): () => void {
    this.#events.on('settled', listener);
    return () => this.#events.off('settled', listener);
  }
}
