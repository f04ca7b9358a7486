import type { Config } from '../config.ts';
import type { WorkCalendar } from '../domain/work-calendar.ts';
import { createTimeFormat, type TimeFormat } from './format-time.ts';

export type BotSettings = {
  timeZone: string;
  answerHours: number;
  categories: readonly string[];
  deadlineDays: Readonly<Record<string, number>>;
  urgentDeadlineDays: number;
  inviteTtlDays: number;
  /** Links in chat start with it (PUBLIC_URL). */
  publicUrl: string;
};

/** What the bot needs besides the database: settings, the working-day calendar, date formats. */
export type BotDeps = {
  settings: BotSettings;
  calendar: () => WorkCalendar;
  fmt: TimeFormat;
};

/** The bot's dependencies from the configuration; `calendar` is read at each use (admins can change it). */
export function botDepsFrom(config: Config, calendar: () => WorkCalendar): BotDeps {
  return {
    settings: {
      timeZone: config.BOT_TIMEZONE,
      answerHours: config.ANSWER_HOURS,
      categories: config.REPORT_CATEGORIES,
      deadlineDays: config.REPORT_DEADLINE_DAYS,
      urgentDeadlineDays: config.URGENT_DEADLINE_DAYS,
      inviteTtlDays: config.INVITE_TTL_DAYS,
      publicUrl: config.PUBLIC_URL,
    },
    calendar,
    fmt: createTimeFormat(config.BOT_TIMEZONE),
  };
}
