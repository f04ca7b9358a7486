import type { BotDeps } from '../bot/bot-deps.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/sql.ts';
import type { Logger } from '../log.ts';
import type { Scheduler } from '../schedule/scheduler.ts';

/** What the console needs from the composition root. */
export type ConsoleDeps = {
  db: Db;
  clock: Clock;
  config: Config;
  bot: BotDeps;
  log: Logger;
  adminToken: string;
  scheduler: Scheduler;
  /** Something was enqueued: wake the outbox dispatcher. */
  kickOutbox: () => void;
  /** The address people open (PUBLIC_URL, or http://localhost:{PORT}). */
  publicUrl: string;
};
