import type { WorkCalendar } from '../domain/work-calendar.ts';
import type { TimeFormat } from './format-time.ts';

export type BotSettings = {
  timeZone: string;
  answerHours: number;
  categories: readonly string[];
  deadlineDays: Readonly<Record<string, number>>;
  urgentDeadlineDays: number;
  inviteTtlDays: number;
};

/** What the bot needs besides the database: settings, the working-day calendar, date formats. */
export type BotDeps = {
  settings: BotSettings;
  calendar: () => WorkCalendar;
  fmt: TimeFormat;
};
