import { describe, expect, it } from 'vitest';
import { ledgerItem, trialCommunity } from '../../helpers/community.ts';
import { textsTo } from '../../helpers/test-app.ts';

// Issue 12: "王奶奶打电话来说…" from the office registers the request for 王奶奶. The official who
// took the call speaks for her (hears the news, answers 满意 for her); the volunteer gets her phone,
// the group sees her masked name, and the official's own phone stays theirs.

const group = 'g-filed-for';
const c = trialCommunity(group);
const { someone } = c;

async function receiptOf(t: typeof c.t, who: { id: string; name: string }, text: string): Promise<{ id: number; said: string; all: Awaited<ReturnType<typeof t.say>> }> {
  let all = await t.say(who, text);
  let said = textsTo(all, who.id).join('\n');
  for (let step = 0; step < 4 && !/编号 #\d+/u.test(said); step++) {
    all = await t.say(who, /照片/u.test(said) ? '没有' : /地址|在哪里/u.test(said) ? '5栋2单元301' : '1');
    said = textsTo(all, who.id).join('\n');
  }
  const m = /编号 #(\d+)/u.exec(said);
  if (!m) throw new Error(`no receipt in: ${said}`);
  return { id: Number(m[1]), said, all };
}

describe('a request the office registers for a resident who phoned', () => {
  it('is hers: her phone to the volunteer, her masked name in the group, the official answers for her', async () => {
    const official = someone('刘芳');
    await c.t.say(official, `报到 ${c.officialCode}`);
    const volunteer = someone('陈志明');
    await c.t.say(volunteer, `报到 ${c.code}`);

    const filed = await receiptOf(c.t, official, '王奶奶打电话来说想找人帮忙买袋米 她住5栋2单元301 电话13912345678');
    expect(filed.said).toContain('已代王奶奶登记');
    expect(filed.said).not.toContain('方便留个电话');
    const posted = textsTo(filed.all, group).join('\n');
    expect(posted).toContain('王*（代登记）');
    expect(posted).not.toContain('王奶奶');
    expect(posted).not.toContain('刘芳');
    expect(posted).not.toContain('13912345678');
    expect((await ledgerItem(c.t, filed.id)).onBehalfOf).toBe('王奶奶');

    const claiming = await c.t.say(volunteer, `认领 ${filed.id}`);
    expect(textsTo(claiming, official.id).join('\n')).toContain('会尽快联系王奶奶');
    const claimed = textsTo(claiming, volunteer.id).join('\n');
    expect(claimed).toContain('提出人：王奶奶（刘芳代登记）');
    expect(claimed).toContain('电话：13912345678');

    const done = textsTo(await c.t.say(volunteer, `完成 ${filed.id} 米送到了`), official.id).join('\n');
    expect(done).toContain('这是您代王奶奶登记的');
    await c.t.say(official, '满意');
    const item = await ledgerItem(c.t, filed.id);
    expect(item.status).toBe('confirmed');
    expect(item.rating).toBe(5);

    // The number was hers: a request the official files for herself is asked for a phone.
    const own = await receiptOf(c.t, official, '心愿 想请人帮我搬个柜子 5栋2单元301');
    expect(own.said).toContain('电话');
  });

  it('without her phone: the volunteer is told to ask the official who registered it', async () => {
    const official = someone('周建国');
    await c.t.say(official, `报到 ${c.officialCode}`);
    await receiptOf(c.t, official, '心愿 想请人帮我换个灯泡 7栋101');
    await c.t.say(official, '13800001111');
    const volunteer = someone('何小兵');
    await c.t.say(volunteer, `报到 ${c.code}`);
    const filed = await receiptOf(c.t, official, '帮3号楼李大爷登记一个心愿：想找人陪他去医院复查');
    expect(filed.said).toContain('已代李大爷登记');
    const claimed = textsTo(await c.t.say(volunteer, `认领 ${filed.id}`), volunteer.id).join('\n');
    expect(claimed).toContain('提出人：李大爷（周建国代登记）');
    expect(claimed).toContain('可先问代登记的周建国：13800001111');
  });
});
