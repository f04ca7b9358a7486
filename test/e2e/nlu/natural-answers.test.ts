import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/core/clock.ts';
import { communityWithPeople, ledgerItem, newItem, newReport, receiptNumber } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12 §3: answers to the bot's own questions, ratings in words, claims and completions in free
// order, a way on after confirmation, thanks.

const group = 'g-answers';
const clock = fixedClock('2026-11-10T02:00:00Z');
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;
let n = 0;
const someone = (): SimPerson => ({ id: `r${++n}`, name: '刘阿姨' });

beforeAll(async () => {
  t = await startTestApp({ env: { REVISIT_SAMPLE_PERCENT: '100' }, overrides: { clock } });
  ({ li, zhao } = await communityWithPeople(t, '回答社区', group));
});
afterAll(() => t.close());

/** The confirmed item a report came back from (items.related_to_id). */
async function relatedTo(id: number): Promise<number | null> {
  return (await t.app.db.get<{ relatedToId: number | null }>('SELECT related_to_id FROM items WHERE id = ?', [id]))!.relatedToId;
}

/** A wish of `who`, claimed and done by 李志强: the done notice is the bot's question. */
async function doneWish(who: SimPerson, text = '心愿 帮忙换个灯泡'): Promise<number> {
  const id = await newItem(t, who, text, group);
  await t.say(li, `认领 ${id}`);
  const done = await t.say(li, `完成 ${id} 换好了`);
  expect(textsTo(done, who.id)[0]).toContain('满意吗');
  return id;
}

describe('after a done notice', () => {
  it.each([
    ['非常满意，谢谢刘书记', 5, '谢谢刘书记'],
    ['满意，谢谢', 5, '谢谢'],
    ['五颗星', 5, ''],
    ['比较满意', 4, ''],
    ['一般吧', 3, ''],
    ['挺好的，小李很热心', null, '挺好的，小李很热心'],
  ])('"%s" confirms with rating %s', async (answer, rating, comment) => {
    const who = someone();
    const id = await doneWish(who);
    const r = await t.say(who, answer);
    expect(textsTo(r, who.id)[0]).toBe(`谢谢您的评价！#${id} 已确认办结。`);
    expect(textsTo(r, li.id)[0]).toContain(`#${id} 提出人已确认`);
    const item = await ledgerItem(t, id);
    expect(item).toMatchObject({ status: 'confirmed', rating, ratingComment: comment || null });
    expect(item.events.at(-1)).toMatchObject({ type: 'confirmed', rating });
  });

  it.each(['还是老样子', '没修好，灯还是不亮', '不满意'])('"%s" sends it back to the volunteer and alerts an official', async (answer) => {
    const who = someone();
    const id = await doneWish(who);
    const r = await t.say(who, answer);
    expect(textsTo(r, who.id)[0]).toContain(`#${id} 已退回重新办理`);
    expect(textsTo(r, li.id)[0]).toContain(`#${id} 被退回重新办理`);
    expect(textsTo(r, zhao.id)[0]).toContain('居民不满意');
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('"不满意" with a rating of 2 keeps the rating and reopens', async () => {
    const who = someone();
    const id = await doneWish(who);
    await t.say(who, '确认 ' + id + ' 两星 来了也没弄好');
    const item = await ledgerItem(t, id);
    expect(item).toMatchObject({ status: 'claimed', rating: 2 });
  });

  it('"谢谢" alone confirms the question it answers; without a question it gets a warm answer', async () => {
    const who = someone();
    const id = await doneWish(who);
    expect(textsTo(await t.say(who, '谢谢'), who.id)[0]).toContain(`#${id} 已确认办结`);
    expect(textsTo(await t.say(who, '谢谢'), who.id)).toEqual(['不客气！有需要随时找我。']);
    expect(textsTo(await t.say(who, '辛苦了'), who.id)).toEqual(['不客气！有需要随时找我。']);
  });

  it('a question back ("修好了吗？") is no answer', async () => {
    const who = someone();
    const id = await doneWish(who);
    await t.say(who, '修好了吗？');
    expect((await ledgerItem(t, id)).status).toBe('done');
  });
});

describe('claims and completions as people write them', () => {
  it.each([
    ['我来认领{id}号'],
    ['{id}号我来'],
    ['认领{cn}'],
    ['#{id} 我接了'],
  ])('"%s" claims', async (form) => {
    const id = await newItem(t, someone(), '心愿 陪老人去医院', group);
    const cn = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十', '二十一', '二十二', '二十三', '二十四', '二十五', '二十六', '二十七', '二十八', '二十九', '三十', '三十一', '三十二', '三十三', '三十四', '三十五', '三十六', '三十七', '三十八', '三十九', '四十'][id]!;
    const r = await t.say(li, form.replace('{id}', String(id)).replace('{cn}', cn));
    expect(textsTo(r, li.id)[0]).toContain(`您认领了 #${id}`);
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it.each(['{id}号完成了', '#{id} 搞定了', '{id}号已经送到老人家里了'])('"%s" completes', async (form) => {
    const who = someone();
    const id = await newItem(t, who, '心愿 帮忙送点菜', group);
    await t.say(li, `认领 ${id}`);
    const r = await t.say(li, form.replace('{id}', String(id)));
    expect(textsTo(r, li.id)[0]).toContain(`#${id} 已标记办结`);
    expect(textsTo(r, who.id)[0]).toContain('满意吗');
  });

  it('"N号修好了" from the submitter confirms a done item, and tells the volunteer before that', async () => {
    const who = someone();
    const id = await newItem(t, who, '心愿 帮忙修门锁', group);
    await t.say(li, `认领 ${id}`);
    const early = await t.say(who, `${id}号修好了`);
    expect(textsTo(early, who.id)[0]).toContain('还在办理中');
    expect(textsTo(early, li.id)[0]).toContain(`#${id} 的提出人说已经好了`);
    expect((await ledgerItem(t, id)).status).toBe('claimed');
    await t.say(li, `完成 ${id}`);
    const r = await t.say(who, `${id}号修好了，五星`);
    expect(textsTo(r, who.id)[0]).toContain(`#${id} 已确认办结`);
    expect(await ledgerItem(t, id)).toMatchObject({ status: 'confirmed', rating: 5 });
  });
});

describe('after confirmation there is still a way on', () => {
  it('"不满意 N 又不亮了" files a new report linked to the old one, which keeps its rating', async () => {
    const who = someone();
    const id = await doneWish(who, '心愿 楼道灯不亮帮忙换一下');
    await t.say(who, '满意');
    const r = await t.say(who, `不满意 ${id} 又不亮了`);
    const reply = textsTo(r, who.id)[0]!;
    expect(reply).toContain(`#${id} 的问题又出现了，已作为新问题登记`);
    const newId = receiptNumber(reply);
    const fresh = await ledgerItem(t, newId);
    expect(fresh).toMatchObject({ kind: 'report', status: 'open' });
    expect(await relatedTo(newId)).toBe(id);
    expect(fresh.text).toContain('楼道灯不亮帮忙换一下');
    expect(await ledgerItem(t, id)).toMatchObject({ status: 'confirmed', rating: 5 });
    expect(textsTo(r, zhao.id)[0]).toContain(`#${id} 的问题又出现了`);
  });

  it('"不满意 N 还是不亮" reopens it to the volunteer, keeping every rating in its history', async () => {
    const who = someone();
    const id = await doneWish(who);
    await t.say(who, '确认 ' + id + ' 4');
    const r = await t.say(who, `不满意 ${id} 还是不亮`);
    expect(textsTo(r, who.id)[0]).toContain(`#${id} 已重新打开`);
    expect(textsTo(r, li.id)[0]).toContain('还是不亮');
    expect(await ledgerItem(t, id)).toMatchObject({ status: 'claimed', rating: 4 });
    await t.say(li, `完成 ${id} 换了灯座`);
    await t.say(who, '很满意');
    const status = textsTo(await t.say(who, `查询 ${id}`), who.id)[0]!;
    expect(status).toContain('评价：5 分，之前：4 分');
    const ratings = (await ledgerItem(t, id)).events.filter((e) => e.rating !== null).map((e) => e.rating);
    expect(ratings).toEqual([4, 5]);
  });
});

describe('answers to the revisit', () => {
  it('"好了" is still fixed; "还是老样子" reopens; "又坏了" is a new report linked to the old', async () => {
    const answers: Array<[string, (id: number, reply: string) => Promise<void>]> = [
      ['好了，谢谢', async (id, reply) => {
        expect(reply).toContain(`#${id} 的回访已记下`);
        expect((await ledgerItem(t, id)).status).toBe('confirmed');
      }],
      ['还是老样子', async (id, reply) => {
        expect(reply).toContain(`#${id} 已重新打开`);
        expect((await ledgerItem(t, id)).status).toBe('claimed');
      }],
      ['又坏了', async (id, reply) => {
        const newId = receiptNumber(reply);
        expect((await ledgerItem(t, newId)).kind).toBe('report');
        expect(await relatedTo(newId)).toBe(id);
      }],
    ];
    for (const [answer, check] of answers) {
      clock.set('2026-11-20T02:00:00Z');
      const who = someone();
      const id = await newReport(t, who, '反映 3号楼门口的路灯不亮', '3号楼门口');
      await t.say(li, `认领 ${id}`);
      await t.say(li, `完成 ${id}`);
      await t.say(who, '满意');
      clock.set('2026-11-27T02:30:00Z');
      const run = (await t.api('POST', '/api/jobs/revisit/run')).body;
      expect(run.posted.find((p: { conversationId: string }) => p.conversationId === who.id)?.text).toContain('现在还好吗');
      await check(id, textsTo(await t.say(who, answer), who.id)[0]!);
    }
  });
});

describe('thanks in a group', () => {
  it('is for the others unless the bot is mentioned', async () => {
    const who = someone();
    expect((await t.say(who, '谢谢', { in: group })).replies).toEqual([]);
    expect(textsTo(await t.say(who, '@连心 谢谢', { in: group }), group)).toEqual(['刘*，不客气！有需要随时找我。']);
  });
});


describe('news of an item one holds, without a command word', () => {
  it('"收到 N号我晚上去楼下贴个告示" from its holder, or an official of its community, is progress told to the resident; from a resident a new dialogue', async () => {
    const who = someone();
    const id = await newItem(t, who, '心愿 楼下车乱停 帮忙说一下', group);
    await t.say(li, `认领 ${id}`);
    const r = await t.say(li, `收到 ${id}号我晚上去楼下贴个告示`);
    expect(textsTo(r, who.id).join('')).toContain('我晚上去楼下贴个告示');
    const events = await t.app.db.all<{ type: string }>('SELECT type FROM item_events WHERE item_id = ? ORDER BY id', [id]);
    expect(events.map((e) => e.type)).toContain('progress');
    // The note is what follows the number.
    expect(textsTo(await t.say(zhao, `${id}号 明天我再上门一趟 叫上物业一起`), who.id).join('')).toContain('（赵书记）：明天我再上门一趟 叫上物业一起');
    // A resident's words about someone else's item are no news of it: the usual question instead.
    const other = someone();
    expect(textsTo(await t.say(other, `${id}号我晚上去楼下贴个告示`), other.id)[0]).toContain('哪一类');
  });
});

describe('asking after one\'s own request without its number', () => {
  it('"我家老头子理发的事有人管没有啊" answers with the status of their only open request', async () => {
    const who = someone();
    const id = await newItem(t, who, '心愿 帮我家老头子理个发', group);
    expect(textsTo(await t.say(who, '我家老头子理发的事有人管没有啊'), who.id).join('')).toContain(`#${id}`);
  });
});
