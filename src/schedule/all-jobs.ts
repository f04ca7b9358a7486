import { claimantReminder } from './claimant-reminder.ts';
import { escalation } from './escalation.ts';
import { groupNudge } from './group-nudge.ts';
import type { JobDefinition } from './job.ts';
import { officialDigest } from './official-digest.ts';
import { monthlyReview } from './monthly-review.ts';
import { revisit } from './revisit.ts';
import { tenDayReport } from './ten-day-report.ts';
import { weeklyBulletin } from './weekly-bulletin.ts';

/** SPEC's schedule table, in its order. */
export const ALL_JOBS: readonly JobDefinition[] = [groupNudge, claimantReminder, escalation, weeklyBulletin, officialDigest, revisit, tenDayReport, monthlyReview];
