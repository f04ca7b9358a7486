import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { conversation, newItem, setUpCommunity } from '../helpers/community.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import type { JobRun, OutboxMessage } from '../../src/db/rows.ts';
import { countRows, freshDatabaseUrl } from '../helpers/test-db.ts';

const wang = { id: 'wang', name: '王秀英' };
const group = 'g-sched';
const MONDAY_9 = new Date('2026-11-23T01:00:00Z');

type Run = { job: string; scheduledAt: string; status: string; posted: number };
async function runs(t: TestApp, job: string): Promise<Run[]> {
  const { body } = await t.api('GET', '/api/jobs');
  return body.jobs.find((j: { name: string }) => j.name === job).lastRuns;
}

describe('once per fire, across processes, with catch-up', () => {
  let url: string;
  const clockA = fixedClock('2026-11-21T01:00:00Z'); // Saturday 09:00
  const clockB = fixedClock('2026-11-21T01:00:00Z');
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    url = await freshDatabaseUrl();
    a = await startTestApp({ databaseUrl: url, overrides: { clock: clockA } });
    b = await startTestApp({ databaseUrl: url, overrides: { clock: clockB } });
    await setUpCommunity(a, '一次社区', group);
    clockA.set('2026-11-19T01:00:00Z');
    await newItem(a, wang, '心愿 帮忙买菜', group);
    clockA.set('2026-11-21T01:00:00Z');
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('two schedulers on one database firing the same minute post one bulletin', async () => {
    clockA.set(MONDAY_9);
    clockB.set(MONDAY_9);
    const [ra, rb] = await Promise.all([a.app.scheduler.fire('weekly-bulletin', MONDAY_9), b.app.scheduler.fire('weekly-bulletin', MONDAY_9)]);
    expect([ra, rb].filter((r) => r !== null)).toHaveLength(1);
    const winner = (ra ?? rb)!;
    await a.app.waitForDelivery(winner.outboxIds, 5000);
    await b.app.waitForDelivery(winner.outboxIds, 5000);
    const bulletins = (await conversation(a, group)).filter((m) => m.includes('周报'));
    expect(bulletins).toHaveLength(1);
    expect((await runs(a, 'weekly-bulletin')).filter((r) => r.scheduledAt === MONDAY_9.toISOString())).toHaveLength(1);
  });
});

describe('a process stopped over Monday 09:00 and restarted at 10:00', () => {
  let url: string;
  const clock = fixedClock('2026-11-21T01:35:00Z'); // Saturday 09:35
  let before: TestApp;
  let after: TestApp;

  beforeAll(async () => {
    url = await freshDatabaseUrl();
    before = await startTestApp({ databaseUrl: url, overrides: { clock } });
    await setUpCommunity(before, '补发社区', group);
    clock.set('2026-11-19T01:00:00Z');
    await newItem(before, wang, '心愿 帮忙修门锁', group);
    // Saturday: node-cron fired the nudge of 09:30; then the process stopped until Monday 10:00.
    clock.set('2026-11-21T01:30:00Z');
    expect(await before.app.scheduler.fire('group-nudge', new Date('2026-11-21T01:30:00Z'))).not.toBeNull();
    clock.set('2026-11-21T01:35:00Z');
    await before.app.scheduler.catchUp();
    await before.close();
    clock.set('2026-11-23T02:00:00Z');
    after = await startTestApp({ databaseUrl: url, overrides: { clock } });
  });
  afterAll(() => after.close());

  it('a new install that never ran has missed nothing', async () => {
    const fresh = await startTestApp({ overrides: { clock: fixedClock('2026-11-23T02:00:00Z') } });
    await fresh.app.scheduler.catchUp();
    expect(await countRows(fresh.app.db, 'job_runs')).toBe(0);
    await fresh.close();
  });

  it('posts the missed bulletin once, skips the stale nudge of Sunday, and sends Monday’s', async () => {
    const bulletinsBefore = (await conversation(after, group)).filter((m) => m.includes('周报')).length;
    await Promise.all([after.app.scheduler.catchUp(), after.app.scheduler.catchUp()]);
    await after.app.scheduler.catchUp();
    await after.settle();
    const bulletins = (await conversation(after, group)).filter((m) => m.includes('周报'));
    expect(bulletins.length - bulletinsBefore).toBe(1);

    const nudges = await runs(after, 'group-nudge');
    const byDay = Object.fromEntries(nudges.map((r) => [r.scheduledAt, r.status]));
    expect(byDay['2026-11-21T01:30:00.000Z']).toBe('done'); // Saturday, before the stop
    expect(byDay['2026-11-22T01:30:00.000Z']).toBe('skipped'); // Sunday: stale when we came back
    expect(byDay['2026-11-23T01:30:00.000Z']).toBe('done'); // Monday 09:30: 30 minutes late, still sent
    const bulletinRuns = await runs(after, 'weekly-bulletin');
    expect(bulletinRuns.filter((r) => r.scheduledAt === MONDAY_9.toISOString())).toMatchObject([{ status: 'done' }]);
  });
});

describe('quiet hours', () => {
  const clock = fixedClock('2026-11-23T14:00:00Z'); // Monday 22:00
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { QUIET_HOURS: '21:00-08:00' }, overrides: { clock } });
    await setUpCommunity(t, '安静社区', group);
    clock.set('2026-11-21T14:00:00Z');
    await newItem(t, wang, '心愿 晚上的心愿', group);
    clock.set('2026-11-23T14:00:00Z');
  });
  afterAll(() => t.close());

  it('holds a scheduled push until 08:00 but answers a person who just wrote at once', async () => {
    const run = await t.api('POST', '/api/jobs/group-nudge/run');
    expect(run.status).toBe(200);
    expect(run.body.posted).toHaveLength(1);
    const reply = await t.say(wang, '帮助');
    expect(reply.replies).toHaveLength(1);

    await t.app.dispatcher.drainOnce();
    await new Promise((r) => setTimeout(r, 200));
    expect((await conversation(t, group)).filter((m) => m.includes('待认领提醒'))).toHaveLength(0);
    const pending = await t.api('GET', '/api/outbox?status=pending');
    expect(pending.body.messages).toHaveLength(1);
    expect(pending.body.messages[0].notBefore).toBe('2026-11-24T00:00:00.000Z'); // 08:00 Asia/Shanghai

    clock.set('2026-11-24T00:00:00Z');
    await t.app.waitForDelivery([pending.body.messages[0].id], 5000);
    expect((await conversation(t, group)).filter((m) => m.includes('待认领提醒'))).toHaveLength(1);
  });
});

describe('node-cron itself, on two processes', () => {
  it('fires every second on both, and each second is posted by exactly one', async () => {
    const url = await freshDatabaseUrl();
    // An item unclaimed for two days, so that every nudge posts one message.
    const seed = await startTestApp({ databaseUrl: url, overrides: { clock: fixedClock(new Date(Date.now() - 2 * 86_400_000)) } });
    await setUpCommunity(seed, '每秒社区', group);
    await newItem(seed, wang, '心愿 一直没人认领的事', group);
    await seed.close();

    const env = {
      SCHEDULE_GROUP_NUDGE: '* * * * * *',
      SCHEDULE_CLAIMANT_REMINDER: 'off',
      SCHEDULE_ESCALATION: 'off',
      SCHEDULE_WEEKLY_BULLETIN: 'off',
      SCHEDULE_OFFICIAL_DIGEST: 'off',
      SCHEDULE_REVISIT: 'off',
    };
    const a = await startTestApp({ databaseUrl: url, env, overrides: { startScheduler: true } });
    const b = await startTestApp({ databaseUrl: url, env, overrides: { startScheduler: true } });
    try {
      await new Promise((r) => setTimeout(r, 3500));
    } finally {
      await a.close();
      await b.close();
    }
    const check = await startTestApp({ databaseUrl: url });
    try {
      const runs = await check.app.db.all<JobRun>('SELECT * FROM job_runs WHERE job = ? AND status = ? ORDER BY id', ['group-nudge', 'done']);
      const posts = await check.app.db.all<OutboxMessage>('SELECT * FROM outbox_messages WHERE job_run_id IS NOT NULL ORDER BY id');
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(posts).toHaveLength(runs.length);
      const perRun = new Map<number, number>();
      for (const p of posts) perRun.set(p.jobRunId!, (perRun.get(p.jobRunId!) ?? 0) + 1);
      expect([...perRun.values()].every((n) => n === 1)).toBe(true);
    } finally {
      await check.close();
    }
  });
});
