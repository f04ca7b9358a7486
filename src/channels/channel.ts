import type { Config } from '../config.ts';
import type { Db } from '../db/sql.ts';
import type { Clock } from '../core/clock.ts';
import type { Routes } from '../web/create-server.ts';
import type { InboundService } from '../inbox/inbound-service.ts';
import type { Logger } from '../log.ts';
import type { ChannelSender } from '../core/messages.ts';

/** What a channel module needs from the rest of Lianxin. */
export type ChannelDeps = {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
  inbound: InboundService;
  /** This process's id in leases. */
  owner: string;
};

/**
 * One platform's way in and way out: HTTP routes for callbacks, long connections to start and stop,
 * and the sender the outbox delivers through. The bot and the domain never see any of it.
 */
export type Channel = {
  readonly name: string;
  readonly sender?: ChannelSender;
  /** Fastify plugins, each registering its routes under its own prefix. */
  readonly routes?: Routes[];
  start?(): Promise<void> | void;
  /** Stops taking messages and closes connections; called before the database closes. */
  stop?(): Promise<void>;
  /**
   * Whether its configured ways in are up (a long connection held here or by another live process,
   * a Stream connected): one of /readyz's checks. Absent when there is nothing to be connected.
   */
  ready?(): Promise<{ ok: boolean; detail?: string }>;
};
