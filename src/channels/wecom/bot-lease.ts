import type { Db } from '../../db/sql.ts';
import { leaseHolder, releaseLease, tryAcquireLease } from '../../db/lease.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../log.ts';

export type BotLeaseOptions = {
  db: Db;
  clock: Clock;
  log: Logger;
  owner: string;
  name: string;
  /** How long the lease outlives a holder that stopped renewing (a dead process). */
  ttlMs: number;
  renewEveryMs: number;
  /** How often a process without the lease looks whether it is free. */
  standbyPollMs: number;
  /** This process took the lease: connect. */
  onAcquired: () => void;
  /** This process no longer holds it (another took it over): disconnect. */
  onLost: () => void;
};

/**
 * The lease loop of the smart robot's long connection: one process at a time holds the named lease
 * and renews it; the others look every `standbyPollMs` whether it is free and take over when its
 * holder stopped renewing (it died). Knows nothing of the socket (bot-socket.ts).
 */
export class BotLease {
  private readonly o: BotLeaseOptions;
  private holding = false;
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private renewTimer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> = Promise.resolve();

  constructor(options: BotLeaseOptions) {
    this.o = options;
  }

  get held(): boolean {
    return !this.stopped && this.holding;
  }

  start(): void {
    this.stopped = false;
    this.later(0, () => this.tryTakeOver());
  }

  /** Plans nothing more and waits for a renewal under way (it would take the lease again after a release). */
  async halt(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.renewTimer) clearInterval(this.renewTimer);
    await this.renewing;
  }

  /** Hands the lease back, after halt(). */
  async release(): Promise<void> {
    if (!this.holding) return;
    this.holding = false;
    await releaseLease(this.o.db, this.o.name, this.o.owner).catch((error: unknown) =>
      this.o.log.warn({ err: (error as Error).message }, 'could not release the WeCom long-connection lease'),
    );
  }

  /** Who holds the lease now (this process's owner id when it cannot tell). */
  holder(): Promise<string | null> {
    return leaseHolder(this.o.db, this.o.name, this.o.clock.now()).catch(() => this.o.owner);
  }

  /** Lets go (another process has it) and goes back to looking whether it is free. */
  standBy(): void {
    this.holding = false;
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = null;
    this.o.onLost();
    this.later(this.o.standbyPollMs, () => this.tryTakeOver());
  }

  private async tryTakeOver(): Promise<void> {
    if (this.stopped) return;
    const { db, clock, owner, log, name } = this.o;
    let got = false;
    try {
      got = await tryAcquireLease(db, name, owner, this.o.ttlMs, clock.now());
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'could not check the WeCom long-connection lease');
    }
    if (this.stopped) {
      if (got) await releaseLease(db, name, owner).catch(() => undefined);
      return;
    }
    if (!got) {
      this.later(this.o.standbyPollMs, () => this.tryTakeOver());
      return;
    }
    this.holding = true;
    log.info({ botLease: name }, 'this process holds the WeCom smart robot long connection');
    this.renewTimer = setInterval(() => {
      this.renewing = this.renew();
    }, this.o.renewEveryMs);
    this.o.onAcquired();
  }

  private async renew(): Promise<void> {
    if (!this.holding || this.stopped) return;
    try {
      const kept = await tryAcquireLease(this.o.db, this.o.name, this.o.owner, this.o.ttlMs, this.o.clock.now());
      if (kept) return;
    } catch (error) {
      // The lease may still be ours; if it ran out, the next renewal says so.
      this.o.log.warn({ err: (error as Error).message }, 'could not renew the WeCom long-connection lease');
      return;
    }
    this.o.log.warn('the WeCom long-connection lease went to another process; closing this connection');
    this.standBy();
  }

  private later(ms: number, fn: () => void | Promise<void>): void {
    // After halt(), an upkeep step that was already under way must not plan another one.
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      Promise.resolve(fn()).catch((error: unknown) => this.o.log.error({ err: (error as Error).message }, 'WeCom long-connection upkeep failed'));
    }, ms);
  }
}
