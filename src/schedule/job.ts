import type { Config } from '../config.ts';
import type { Db, Tx } from '../db/sql.ts';
import type { BotDeps } from '../bot/bot-deps.ts';
import type { OutboundMessage } from '../core/messages.ts';
import type { Logger } from '../log.ts';

export const JOB_NAMES = [
  'group-nudge',
  'claimant-reminder',
  'escalation',
  'weekly-bulletin',
  'official-digest',
  'revisit',
  'ten-day-report',
  'monthly-review',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const JOB_SCHEDULE_VARS: Record<JobName, keyof Config> = {
  'group-nudge': 'SCHEDULE_GROUP_NUDGE',
  'claimant-reminder': 'SCHEDULE_CLAIMANT_REMINDER',
  escalation: 'SCHEDULE_ESCALATION',
  'weekly-bulletin': 'SCHEDULE_WEEKLY_BULLETIN',
  'official-digest': 'SCHEDULE_OFFICIAL_DIGEST',
  revisit: 'SCHEDULE_REVISIT',
  'ten-day-report': 'SCHEDULE_TEN_DAY_REPORT',
  'monthly-review': 'SCHEDULE_MONTHLY_REVIEW',
};

export type JobDeps = { db: Db; bot: BotDeps; config: Config; log: Logger };

/**
 * A job reads with aggregate queries (outside any transaction), then `write` applies its changes and
 * returns the messages to post; the runner commits those with the run's record in one transaction,
 * so a run either posted everything or nothing.
 */
export type JobPlan = {
  summary: string;
  /** Set when there is nothing to do for a reason worth recording (e.g. not a working day). */
  skipped?: string;
  write?: (tx: Tx) => Promise<OutboundMessage[]>;
};

export type JobDefinition = {
  name: JobName;
  /** How late a missed fire may still be sent when a process comes back (SPEC: a stale nudge is not sent). */
  staleAfterMs: number;
  plan: (deps: JobDeps, slot: Date, now: Date) => Promise<JobPlan>;
};

/** A message to a group or a person, pushed by a schedule (waits out quiet hours). */
export function scheduledPush(platform: string, type: 'user' | 'group', id: string, text: string): OutboundMessage {
  return { platform: platform as OutboundMessage['platform'], target: { type, id }, text, format: 'markdown', scheduled: true };
}
