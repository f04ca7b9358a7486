import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../db/sql.ts';
import type { Clock } from '../core/clock.ts';
import { oldestDueAgeMs } from '../outbox/due-rows.ts';

/**
 * What an operator watches (docs/deploy.md "Alerts"): messages in and out, the outbox's backlog and
 * the age of its oldest due row (the first alert to set), sends by platform and outcome with their
 * latency, job runs, rate-limit waits, and event-loop delay. Prometheus text at GET /metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly inbound = new Counter({
    name: 'lianxin_inbound_messages_total',
    help: 'Platform messages received, by platform and result (stored, duplicate).',
    labelNames: ['platform', 'result'] as const,
    registers: [this.registry],
  });
  readonly handled = new Counter({
    name: 'lianxin_inbound_handled_total',
    help: 'Stored messages handled, by outcome (done, retry, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });
  readonly sends = new Histogram({
    name: 'lianxin_outbox_send_seconds',
    help: 'Outbox send attempts by platform and outcome (sent, retry, dead, wait), with their duration.',
    labelNames: ['platform', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly jobRuns = new Counter({
    name: 'lianxin_job_runs_total',
    help: 'Scheduled job runs by job and status.',
    labelNames: ['job', 'status'] as const,
    registers: [this.registry],
  });
  readonly #loop = monitorEventLoopDelay({ resolution: 10 });

  constructor(db: Db, clock: Clock) {
    collectDefaultMetrics({ register: this.registry, prefix: 'lianxin_' });
    this.#loop.enable();
    const loop = this.#loop;
    new Gauge({
      name: 'lianxin_event_loop_delay_p99_seconds',
      help: 'Event-loop delay, 99th percentile since the last scrape.',
      registers: [this.registry],
      collect() {
        this.set(loop.percentile(99) / 1e9);
        loop.reset();
      },
    });
    new Gauge({
      name: 'lianxin_outbox_messages',
      help: 'Outbox rows by status (sent rows are not counted).',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const rows = await db.all<{ status: string; n: number }>(
          `SELECT status, count(*) AS n FROM outbox_messages WHERE status IN ('pending', 'sending', 'held', 'dead') GROUP BY status`,
        );
        this.reset();
        for (const s of ['pending', 'sending', 'held', 'dead']) this.set({ status: s }, rows.find((r) => r.status === s)?.n ?? 0);
      },
    });
    new Gauge({
      name: 'lianxin_outbox_oldest_due_seconds',
      help: 'Age of the oldest outbox row that is due and not yet sent (alert when over 300).',
      registers: [this.registry],
      async collect() {
        this.set((await oldestDueAgeMs(db, clock.now())) / 1000);
      },
    });
    new Gauge({
      name: 'lianxin_inbound_pending',
      help: 'Stored platform messages not yet handled.',
      registers: [this.registry],
      async collect() {
        this.set((await db.get<{ n: number }>(`SELECT count(*) AS n FROM inbound_messages WHERE status = 'pending'`))!.n);
      },
    });
  }

  stop(): void {
    this.#loop.disable();
  }
}
