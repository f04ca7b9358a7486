import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, HOUR } from '../../../src/core/clock.ts';
import { communityWithPeople, newItem, newReport } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12 §6 and §8: the answer promised in the receipt is kept or the resident is told what happens
// next; texts say who did what (an assignment is no claim, a unit does not 认领), to whom (supporters
// and followers of merged duplicates), and what their figures mean.

const group = 'g-promises';
const wang = { id: 'wang', name: '王秀英' };
const sun = { id: 'sun', name: '孙大爷' };
const zhang = { id: 'zhang', name: '张桂兰' };
const clock = fixedClock('2026-11-10T02:00:00Z'); // Tuesday 10:00
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;

beforeAll(async () => {
  t = await startTestApp({ overrides: { clock } });
  ({ li, zhao } = await communityWithPeople(t, '守信社区', group));
  await t.app.db.run('UPDATE communities SET phone = ? WHERE name = ?', ['0571-88886666', '守信社区']);
});
afterAll(() => t.close());

async function run(job: string) {
  const r = await t.api('POST', `/api/jobs/${job}/run`);
  expect(r.status).toBe(200);
  return r.body.posted as Array<{ conversationId: string; text: string }>;
}

describe('the promised first answer', () => {
  it('is recorded at creation; when nobody answers in time the submitter hears what happens next, once', async () => {
    const late = await newItem(t, wang, '心愿 帮忙修一下门铃', group);
    const answered = await newItem(t, sun, '心愿 帮忙装个晾衣架', group);
    const due = await t.app.db.get<{ answerDueAt: Date; createdAt: Date }>('SELECT answer_due_at, created_at FROM items WHERE id = ?', [late]);
    expect(due!.answerDueAt.getTime() - due!.createdAt.getTime()).toBe(24 * HOUR);
    await t.say(li, `认领 ${answered}`);

    clock.set(new Date(clock.now().getTime() + 23 * HOUR));
    expect(await run('answer-due')).toEqual([]);

    clock.set(new Date(clock.now().getTime() + 2 * HOUR)); // Wednesday 11:00
    const posted = await run('answer-due');
    const toWang = posted.filter((p) => p.conversationId === wang.id);
    expect(toWang).toHaveLength(1);
    expect(toWang[0]!.text).toBe(
      [
        `您提的 #${late}「帮忙修一下门铃」过了 24 小时还没有人答复，让您久等了。`,
        '已转给社区干部跟进，最迟 11月12日（周四）会有人联系您。',
        '着急的话可以直接打社区电话 0571-88886666。',
      ].join('\n'),
    );
    expect(posted.some((p) => p.conversationId === sun.id)).toBe(false);
    const toZhao = posted.find((p) => p.conversationId === zhao.id)!;
    expect(toZhao.text).toContain(`#${late} 微心愿「帮忙修一下门铃」（提出 1 天）`);
    const row = await t.app.db.get<{ lateNoticeAt: Date | null }>('SELECT late_notice_at FROM items WHERE id = ?', [late]);
    expect(row!.lateNoticeAt).not.toBeNull();
    expect(await run('answer-due')).toEqual([]);
  });
});

describe('who did what, said plainly', () => {
  it('a unit is given an item; nobody says it 认领', async () => {
    const id = await newItem(t, wang, '心愿 楼顶漏水想请物业看看', group);
    const r = await t.say(zhao, `指派 ${id} 物业公司`, { in: group });
    expect(textsTo(r, wang.id)[0]).toContain('已交给 物业公司 办理');
    expect(textsTo(r, group)[0]).toBe(`已将 #${id} 交给 物业公司 办理。`);
    const claim = await t.say(li, `认领 ${id}`);
    expect(textsTo(claim, li.id)).toEqual([`#${id} 已交给 物业公司 办理。发“待认领”看看别的。`]);
  });

  it('supporters and the submitters of merged duplicates each hear about their own', async () => {
    const main = await newReport(t, wang, '反映 3号楼东门的路灯坏了', '3号楼东门');
    const duplicate = await newReport(t, zhang, '反映 3号楼东门路灯不亮', '3号楼东门');
    await t.say(sun, `附议 ${main}`);
    await t.say(zhao, `合并 ${duplicate} 到 ${main}`);
    await t.say(li, `认领 ${main}`);
    const done = await t.say(li, `完成 ${main} 换了灯泡`);
    expect(textsTo(done, sun.id)).toEqual([`您附议的 #${main} 已办结。`]);
    expect(textsTo(done, zhang.id)).toEqual([`您反映的 #${duplicate} 已合并到 #${main}，#${main} 已办结。`]);
  });

  it('a nudge says what its days mean', async () => {
    clock.set(new Date(clock.now().getTime() + 3 * 24 * HOUR));
    const nudge = (await run('group-nudge')).find((p) => p.conversationId === group)!;
    expect(nudge.text).toMatch(/（提出 \d+ 天）/u);
    expect(nudge.text).not.toMatch(/（\d+天）/u);
  });
});

describe('words as a resident reads them', () => {
  it('a greeting before the request is not echoed nor filed; "我的" says 您提的', async () => {
    const liu = { id: 'liu-greet', name: '刘阿婆' };
    const r = await t.say(liu, '@连心 喂你好 我跟你说啊 我家门口的路灯不亮了好几天', { in: group });
    const asked = textsTo(r, group).join('\n');
    expect(asked).toContain('收到：“我家门口的路灯不亮了好几天”');
    expect(asked).not.toContain('喂');
    // A street lamp is the public's: the kind is plain, so only where and a photo are asked.
    await t.say(liu, '@连心 跳过', { in: group });
    const receipt = textsTo(await t.say(liu, '@连心 没有', { in: group }), group).join('\n');
    const filed = await t.api('GET', `/api/items/${/#(\d+)/u.exec(receipt)![1]}`);
    expect(filed.body.text).toBe('我家门口的路灯不亮了好几天');
    expect(textsTo(await t.say(liu, '我的'), liu.id).join('\n')).toContain('您提的：');
  });

  it('in a group an answer to something else carries no reminder of an unfinished draft (others read along)', async () => {
    const he = { id: 'he-draft', name: '何大姐' };
    await t.say(he, '@连心 我家老头子的事想问问', { in: group });
    const r = await t.say(he, '待认领', { in: group });
    expect(textsTo(r, group).join('\n')).not.toContain('没登记完');
    expect(textsTo(r, group).join('\n')).not.toContain('老头子');
  });
});
