import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimAndFinish, communityWithPeople, ledgerItem, newItem } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trials 25 and 26: what residents say after a done notice or while it is under way —
// a half-done job questioned, a verdict put off, a score given early, a complaint about the one
// handling it — and pinyin, help and thanks said their own way.

const group = 'g-after-fix';
let t: TestApp;
let li: SimPerson;
let n = 0;
const someone = (): SimPerson => ({ id: `resident-after-fix-${++n}`, name: `孙德厚${n}` });

beforeAll(async () => {
  t = await startTestApp();
  ({ li } = await communityWithPeople(t, '修后社区', group));
});
afterAll(() => t.close());

const wishOf = (who: SimPerson, text: string) => newItem(t, who, `@连心 心愿 ${text}`, group);

describe('after a done notice', () => {
  it('"…可是我反映的是两个事，下水道那个还没人管呢，这个不能算办完了吧" disputes; it is not confirmed', async () => {
    const who = someone();
    const id = await wishOf(who, '楼道灯坏了 还有一楼下水道返臭味');
    await claimAndFinish(t, li, id, '灯换好了');
    await t.say(who, '小连，灯是修好了，我谢谢周师傅，可是我反映的是两个事，下水道那个还没人管呢，这个不能算办完了吧');
    expect((await ledgerItem(t, id)).status).not.toBe('confirmed');
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('"就拿块塑料布糊上了 风一吹就掉 这也叫修好？" disputes', async () => {
    const who = someone();
    const id = await wishOf(who, '车棚顶漏雨');
    await claimAndFinish(t, li, id, '补好了');
    await t.say(who, '就拿块塑料布糊上了 风一吹就掉 这也叫修好？');
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('"先观察两天 再说" keeps the question open; "满意" later confirms', async () => {
    const who = someone();
    const id = await wishOf(who, '家里水龙头滴水');
    await claimAndFinish(t, li, id, '换了阀芯');
    const r = await t.say(who, '先观察两天 再说');
    expect(textsTo(r, who.id).join('\n')).toContain('您再看看');
    expect((await ledgerItem(t, id)).status).toBe('done');
    await t.say(who, '满意 五星');
    expect(await ledgerItem(t, id)).toMatchObject({ status: 'confirmed', rating: 5 });
  });

  it('"manyi, xiexie" in pinyin confirms; "多谢晒 俾佢五粒星" rates five', async () => {
    const a = someone();
    const first = await wishOf(a, '帮忙修个凳子');
    await claimAndFinish(t, li, first);
    await t.say(a, 'manyi, xiexie');
    expect((await ledgerItem(t, first)).status).toBe('confirmed');
    const b = someone();
    const second = await wishOf(b, '帮忙搬个柜子');
    await claimAndFinish(t, li, second);
    await t.say(b, '多谢晒个后生仔 俾佢五粒星');
    expect(await ledgerItem(t, second)).toMatchObject({ status: 'confirmed', rating: 5 });
  });
});

describe('while it is under way', () => {
  it('a score given before the done notice reaches the holder and waits', async () => {
    const who = someone();
    const id = await wishOf(who, '出差几天 想请人喂猫');
    await t.say(li, `认领 ${id}`);
    const r = await t.say(who, `back home了 猫咪胖了一圈 thanks 李哥 5 stars`);
    expect(textsTo(r, li.id).join('\n')).toContain('猫咪胖了一圈');
    expect(textsTo(r, who.id).join('\n')).toMatch(/还在办理中[\s\S]*办理人/u);
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('"N号…没给弄好，还是臭" from its resident reaches whoever handles it', async () => {
    const who = someone();
    const id = await wishOf(who, '下水道返臭');
    await t.say(li, `认领 ${id}`);
    const r = await t.say(who, `@连心 ${id}号物业没给弄好，还是臭`);
    expect(textsTo(r, li.id).join('\n')).toContain('还是臭');
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('"不是新事，就是我原来反映的那个N号…" gives the draft\'s words to item N', async () => {
    const who = someone();
    const id = await wishOf(who, '一楼下水道返味');
    await t.say(li, `认领 ${id}`);
    await t.say(who, '物业前天来了个小伙子拿竹竿子捅了两下就走了 今天又冒味儿了');
    const r = await t.say(who, `不是新事，就是我原来反映的那个${id}号，物业糊弄事`);
    expect(textsTo(r, li.id).join('\n')).toContain('拿竹竿子捅了两下');
    expect((await t.api('GET', '/api/items')).body.items.filter((i: { text: string }) => i.text.includes('竹竿子'))).toEqual([]);
  });
});

describe('words between a resident and the one who helps', () => {
  it('"不是新的事 是晾衣架那个 跟…说一声" gives the draft to the item its words name; the holder\'s question goes back', async () => {
    const who = someone();
    const id = await wishOf(who, '家里晾衣架钢丝绳断了 想请人帮忙换一下');
    await t.say(li, `认领 ${id}`);
    await t.say(who, '绳子是换了 就是那个摇把有点紧 能不能给上点油');
    const r = await t.say(who, '不是新的事 是晾衣架那个 跟李师傅说一声');
    expect(textsTo(r, li.id).join('\n')).toContain('摇把有点紧');
    const back = await t.say(li, `${who.name.slice(0, 1)}大爷说晾衣架啥事？`);
    expect(textsTo(back, who.id).join('\n')).toContain('晾衣架啥事');
  });

  it('"黄老师买灯盘花了好多钱 我要把钱给他" after it is done reaches the volunteer called by name', async () => {
    const who = someone();
    const id = await wishOf(who, '楼道灯坏了家门口黑 想请人换个灯');
    await claimAndFinish(t, li, id, '换了个灯盘');
    await t.say(who, '满意');
    const r = await t.say(who, '李老师买灯盘花了好多钱 我要把钱给他 咋个给嘛');
    expect(textsTo(r, li.id).join('\n')).toContain('买灯盘花了好多钱');
  });
});

describe('help and thanks in their own words', () => {
  it('"你好 这个咋个用嘛" gets help; "打分是在哪里打" gets how to rate; thanks after leaving a draft are thanks', async () => {
    const who = someone();
    expect(textsTo(await t.say(who, '@连心 你好 这个咋个用嘛', { in: group }), group).join('\n')).toContain('心愿 内容');
    expect(textsTo(await t.say(who, '我想问一下给帮忙的人打分是在哪里打我上回好像没打上'), who.id).join('\n')).toContain('满意吗');
    await t.say(who, '楼下那家装修的事有点麻烦');
    expect(textsTo(await t.say(who, '我不是要办事 就是说声谢谢'), who.id)).toEqual(['不客气！有需要随时找我。']);
  });
});
