import cron from 'node-cron';

const MINUTE = 60_000;

/**
 * The fires of a cron expression in (from, to], with node-cron's own matching (so catch-up agrees
 * with the live schedule exactly). Steps a minute at a time (a second for six-field expressions).
 */
export function slotsBetween(expression: string, timeZone: string, from: Date, to: Date, maxSteps = Infinity): Date[] {
  const step = expression.trim().split(/\s+/u).length === 6 ? 1000 : MINUTE;
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
  try {
    const slots: Date[] = [];
    // With a step budget, the most recent part of the window is the part that matters.
    const start = Math.max(from.getTime(), to.getTime() - maxSteps * step);
    let t = Math.floor(start / step) * step + step;
    for (; t <= to.getTime(); t += step) if (task.match(new Date(t))) slots.push(new Date(t));
    return slots;
  } finally {
    void task.destroy();
  }
}

export function nextFires(expression: string, timeZone: string, count: number): Date[] {
  const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
  try {
    return task.getNextRuns(count);
  } finally {
    void task.destroy();
  }
}

export function isValidCron(expression: string): boolean {
  return cron.validate(expression);
}
