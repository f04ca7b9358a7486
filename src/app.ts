import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase } from './db/open-database.ts';
import type { Db } from './db/sql.ts';
import type { ChannelSender, Platform } from './core/messages.ts';
import type { Channel, ChannelDeps } from './channels/channel.ts';
import { createChannels } from './channels/create-channels.ts';
import { botDepsFrom, type BotDeps } from './bot/bot-deps.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { createWorkCalendar, type WorkCalendar } from './domain/work-calendar.ts';
import { adminApi } from './api/admin-api.ts';
import type { WecomKfChannel } from './channels/wecom-kf/wecom-kf-channel.ts';
import { requireBearer } from './web/bearer-auth.ts';
import { ALL_JOBS } from './schedule/all-jobs.ts';
import { JOB_NAMES, JOB_SCHEDULE_VARS, type JobName } from './schedule/job.ts';
import { Scheduler } from './schedule/scheduler.ts';
import { Metrics } from './ops/metrics.ts';
import { createReadiness } from './ops/readiness.ts';
import { createServer } from './web/create-server.ts';
import { consoleRoutes } from './console/console-module.ts';
import { InboundService } from './inbox/inbound-service.ts';
import type { Logger } from './log.ts';
import { OutboxDispatcher } from './outbox/dispatcher.ts';
import { OutboxSignal } from './outbox/outbox-signal.ts';
import { waitForDelivery } from './outbox/wait-for-delivery.ts';
import { RateLimiter } from './outbox/rate-limiter.ts';
import { parseQuietHours } from './core/quiet-hours.ts';
import { calendarGauge, logUncoveredYears } from './ops/calendar-check.ts';

export type AppOverrides = {
  clock?: Clock;
  /** Extra or replacement senders (tests pass fakes that record or fail). */
  senders?: ChannelSender[];
  /** Replaces the channels the configuration would switch on. */
  channels?: (deps: ChannelDeps) => Channel[];
  dispatcherPollMs?: number;
  /** Tests switch node-cron off and fire jobs themselves. */
  startScheduler?: boolean;
};

export type App = {
  config: Config;
  clock: Clock;
  db: Db;
  server: FastifyInstance;
  inbound: InboundService;
  dispatcher: OutboxDispatcher;
  signal: OutboxSignal;
  scheduler: Scheduler;
  bot: BotDeps;
  owner: string;
  /** Waits until these outbox rows are sent or dead, or the time is up. */
  waitForDelivery(ids: readonly number[], timeoutMs: number): Promise<void>;
  /** Reads the admin's working-day overrides again after a change. */
  reloadCalendar(): Promise<void>;
  /** Starts background work (outbox, recovery). The server is started by the caller. */
  start(): void;
  /** Stops taking callbacks, finishes in-flight work, releases leases, closes the database. */
  close(): Promise<void>;
};

/** Builds Lianxin from its configuration: the composition root, used by main.ts and by tests. */
export async function createApp(config: Config, adminToken: string, log: Logger, overrides: AppOverrides = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const db = await openDatabase(config.DATABASE_URL, log, {
    poolSize: config.DB_POOL_SIZE,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
  });

  const readCalendar = async () =>
    createWorkCalendar(
      await db.all<{ date: string; workday: boolean; name: string | null }>('SELECT date, workday, name FROM calendar_days'),
      (await db.all<{ year: number }>('SELECT year FROM calendar_years ORDER BY year')).map((r) => r.year),
    );
  let calendar: WorkCalendar = await readCalendar();
  logUncoveredYears(calendar, clock.now(), config.BOT_TIMEZONE, log);
  const bot: BotDeps = botDepsFrom(config, () => calendar);

  // Wired in one pass, bottom up: the signal lets the inbox and the schedules wake the dispatcher,
  // which is built last, from the senders of the channels.
  const signal = new OutboxSignal();
  const metrics = new Metrics(db, clock);
  calendarGauge(metrics.registry, () => calendar, clock, config.BOT_TIMEZONE);
  const inbound = new InboundService({ ...bot, db, clock, log }, signal, {
    onAccepted: (platform, duplicate) => metrics.inbound.inc({ platform, result: duplicate ? 'duplicate' : 'stored' }),
  });
  const channelDeps = { config, db, clock, log, inbound, owner };
  const channels = (overrides.channels ?? createChannels)(channelDeps);
  const senders = new Map<Platform, ChannelSender>();
  for (const c of channels) if (c.sender) senders.set(c.sender.platform, c.sender);
  for (const s of overrides.senders ?? []) senders.set(s.platform, s);
  const kf = channels.find((c): c is WecomKfChannel => c.name === 'wecom-kf' && 'api' in c) ?? null;
  const dispatcher = new OutboxDispatcher({
    db,
    clock,
    log,
    signal,
    senders,
    rateLimiter: new RateLimiter(db, config.RATE_LIMIT_WINDOW_MS),
    owner,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    retryBaseMs: config.OUTBOX_RETRY_BASE_MS,
    leaseMs: config.OUTBOX_LEASE_MS,
    quietHours: parseQuietHours(config.QUIET_HOURS),
    timeZone: config.BOT_TIMEZONE,
    pollMs: overrides.dispatcherPollMs ?? config.OUTBOX_POLL_MS,
    onSend: (platform, outcome, ms) => metrics.sends.observe({ platform, outcome }, ms / 1000),
  });

  const reloadCalendar = async () => {
    calendar = await readCalendar();
  };
  const schedules = Object.fromEntries(
    JOB_NAMES.map((name) => [name, String(config[JOB_SCHEDULE_VARS[name]]).trim()]),
  ) as Record<JobName, string>;
  const scheduler = new Scheduler({
    deps: { db, bot, config, log },
    clock,
    owner,
    jobs: ALL_JOBS,
    schedules,
    timeZone: config.BOT_TIMEZONE,
    onPosted: () => signal.kick(),
  });

  const server = await createServer({
    log,
    routes: [
      async (app) => {
        await app.register(adminApi, {
          prefix: '/api',
          adminToken,
          admin: { db, clock, inviteTtlDays: config.INVITE_TTL_DAYS },
          jobs: { db, clock, scheduler, kickOutbox: () => signal.kick(), reloadCalendar, calendar: () => calendar, timeZone: config.BOT_TIMEZONE },
          cards: { db, log, kf: kf ? { api: kf.api, openKfid: kf.openKfid } : null },
          kf: { db, clock, openKfid: kf?.openKfid ?? null },
        });
        // Prometheus text; the same bearer token as the admin API (docs/deploy.md "Alerts").
        app.get('/metrics', { onRequest: requireBearer(adminToken) }, async (_request, reply) =>
          reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
        );
      },
      // The officials' console (issue 11): pages, export, roster import; its own sign-in.
      consoleRoutes({ db, clock, config, bot, log, adminToken, scheduler, kickOutbox: () => signal.kick(), publicUrl: config.PUBLIC_URL }),
      ...channels.flatMap((c) => c.routes ?? []),
    ],
    limits: {
      requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
      maxConnections: config.MAX_CONNECTIONS,
      perMinute: config.RATE_LIMIT_PER_MINUTE,
      callbackPerMinute: config.RATE_LIMIT_PER_MINUTE * 100,
    },
    readiness: createReadiness(
      db,
      clock,
      owner,
      Object.fromEntries(channels.flatMap((c) => (c.ready ? [[c.name, () => c.ready!()] as const] : []))),
    ),
    trustProxy: config.TRUST_PROXY,
  });
  // Node takes one new connection per turn of the event loop: handling lets the next one in first.
  server.server.on('connection', () => inbound.connectionAccepted());

  return {
    config,
    clock,
    db,
    server,
    inbound,
    dispatcher,
    signal,
    scheduler,
    bot,
    owner,
    reloadCalendar,
    waitForDelivery: (ids, timeoutMs) => waitForDelivery(db, signal, ids, timeoutMs),
    start() {
      dispatcher.start();
      inbound.startRecovery();
      if (overrides.startScheduler !== false) scheduler.start();
      for (const c of channels) {
        Promise.resolve(c.start?.()).catch((error: unknown) =>
          log.error({ channel: c.name, err: (error as Error).message }, 'channel failed to start'),
        );
      }
    },
    async close() {
      await server.close();
      await Promise.allSettled(channels.map((c) => c.stop?.()));
      await scheduler.stop();
      await inbound.stop();
      await dispatcher.stop();
      metrics.stop();
      await db.close();
    },
  };
}

