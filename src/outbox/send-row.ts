import type { Clock } from '../core/clock.ts';
import type { ChannelSender, Platform, SendResult } from '../core/messages.ts';
import type { Logger } from '../log.ts';
import type { Candidate } from './lease-rows.ts';
import { outcomeOf, type OutcomeWriter, type Outcome } from './record-outcome.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { toDelivery } from './to-delivery.ts';
import { withTimeout } from './with-timeout.ts';

type SendOptions = {
  senders: ReadonlyMap<Platform, ChannelSender>;
  clock: Clock;
  log: Logger;
  rateLimiter: RateLimiter;
  maxAttempts: number;
  retryBaseMs: number;
  sendTimeoutMs: number;
  random: () => number;
  onSend?: ((platform: string, outcome: Outcome['kind'], ms: number) => void) | undefined;
};

/** Sends one row and records the outcome; true when it ended for good (sent, dead, held) and that is committed. */
export async function sendRow(o: SendOptions, outcomes: OutcomeWriter, { row, limit }: Candidate): Promise<boolean> {
  const { log, clock } = o;
  const started = performance.now();
  let outcome: Outcome;
  const rateKey = limit?.key ?? null;
  try {
    const sender = o.senders.get(row.platform as Platform);
    let result: SendResult;
    if (!sender) {
      result = { ok: false, retryable: true, error: `no ${row.platform} channel is configured` };
    } else {
      const delivery = toDelivery(row);
      result = await withTimeout(sender.send(delivery), o.sendTimeoutMs);
    }
    outcome = outcomeOf(row, result, clock.now(), o);
  } catch (error) {
    // A sender that throws instead of answering: its message is scrubbed like any error (outcomeOf).
    outcome = outcomeOf(row, { ok: false, retryable: true, error: (error as Error)?.message ?? 'unexpected error' }, clock.now(), o);
  }
  if (outcome.kind === 'wait' && rateKey) {
    // Throttling is not a failure: wait it out without spending an attempt.
    await o.rateLimiter.block(rateKey, outcome.notBefore);
    log.warn({ outboxId: row.id, until: outcome.notBefore.toISOString() }, 'target throttled; waiting');
  } else if (outcome.kind === 'held') {
    log.info({ outboxId: row.id, why: outcome.error }, 'message held until the person writes again');
  } else if (outcome.kind === 'retry' || outcome.kind === 'dead') {
    log[outcome.kind === 'dead' ? 'error' : 'warn'](
      { outboxId: row.id, attempts: outcome.attempts, err: outcome.error },
      outcome.kind === 'dead' ? 'message undeliverable' : 'send failed; will retry',
    );
  }
  o.onSend?.(row.platform, outcome.kind, performance.now() - started);
  const committed = await outcomes.write(row.id, outcome);
  return committed && (outcome.kind === 'sent' || outcome.kind === 'dead' || outcome.kind === 'held');
}
