import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerItem, receiptNumber, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trial 39: a volunteer's question reaches the resident and the answer comes back; a new
// report written while a question is open is a new report; officials ask what someone holds by a
// nickname or a unit.

const group = 'g-relays';
let t: TestApp;
const official = { id: 'relay-official', name: '邓书记' };
const student = { id: 'relay-student', name: '王思远' };
const mother = { id: 'relay-mother', name: '李芳' };

beforeAll(async () => {
  t = await startTestApp();
  const c = await setUpCommunity(t, '传话社区', group);
  await t.say(official, `报到 ${c.officialCode}`);
  await t.say(student, `报到 ${c.memberCode}`);
});
afterAll(() => t.close());

describe('a question and its answer, both ways', () => {
  it('"1号 孩子几点放学？在哪个学校" reaches the mother by the volunteer\'s name; her "四点半 实验小学" goes back', async () => {
    const id = receiptNumber(textsTo(await t.say(mother, '心愿 每周一三五帮我接孩子放学 11栋3单元101', { in: group }), group).join('\n'));
    await t.say(student, `认领 ${id}`);
    const asked = await t.say(student, `${id}号 孩子几点放学？在哪个学校`);
    expect(textsTo(asked, mother.id).join('\n')).toMatch(/志愿者王思远说：孩子几点放学？在哪个学校[\s\S]*直接回复我/u);
    expect(textsTo(asked, student.id).join('\n')).toContain('已转告');
    const answered = await t.say(mother, '四点半 实验小学');
    expect(textsTo(answered, student.id).join('\n')).toContain('四点半 实验小学');
    expect((await ledgerItem(t, id)).status).toBe('claimed');
    // Later, without the number and without a question open: to the volunteer she calls 小王.
    const later = await t.say(mother, '跟小王说 这周五孩子五点放学');
    expect(textsTo(later, student.id).join('\n')).toContain('这周五孩子五点放学');
    expect(textsTo(later, mother.id).join('\n')).toContain('已转告');
  });

  it('a short answer sharing no word with the item ("九牧的 没有备用") goes back too', async () => {
    const who = { id: 'relay-tap', name: '刘阿姨' };
    const id = receiptNumber(textsTo(await t.say(who, '心愿 厨房水龙头一直滴水 5栋101'), who.id).join('\n'));
    await t.say(student, `认领 ${id}`);
    await t.say(student, `${id}号 水龙头是什么牌子的？家里有备用的阀芯吗`);
    const answer = await t.say(who, '九牧的 没有备用');
    expect(textsTo(answer, student.id).join('\n')).toContain('九牧的 没有备用');
    expect(textsTo(answer, who.id).join('\n')).not.toContain('哪一类');
  });

  it('a new report in the group while that question is open is a new report, and "不是给小王说的" is believed', async () => {
    const before = textsTo(await t.say(mother, '@连心 11栋3单元楼道里有人堆了好多纸箱子 把消防通道都堵了', { in: group }), group).join('\n');
    expect(before).toContain('反映问题');
    const again = await t.say(mother, '@连心 不是给小王说的 是新的问题 楼道消防通道堵了', { in: group });
    expect(textsTo(again, student.id)).toEqual([]);
  });

  it('a phone number put right reaches the volunteer holding the request', async () => {
    const who = { id: 'relay-zhou', name: '周建' };
    const receipt = textsTo(await t.say(who, '心愿 帮我搬一下柜子 9栋2单元602 电话13883256677'), who.id).join('\n');
    const id = receiptNumber(receipt);
    await t.say(student, `认领 ${id}`);
    const fixed = await t.say(who, '等哈 电话号码打错了一位 是13883256617');
    expect(textsTo(fixed, who.id).join('\n')).toContain('电话已改');
    expect(textsTo(fixed, student.id).join('\n')).toContain(`#${id} 的提出人电话改为：13883256617`);
    expect(textsTo(fixed, official.id)).toEqual([]);
  });

  it('"小王手上现在几件" finds 王思远\'s', async () => {
    const list = textsTo(await t.say(official, '小王手上现在几件'), official.id).join('\n');
    expect(list).toContain('王思远');
    expect(list).not.toContain('没有办理中');
  });
});
