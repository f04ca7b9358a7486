import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileRequest, ledgerItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, what trials 39–40 left: a volunteer handing an item to another, an official restoring
// a wrong reopening, a merge into an item the same message reopens, the group told of a restore, a
// new matter said after a verdict, and "加入 CODE" joining.

const group = 'g-hand-over';
let t: TestApp;
let codes: { memberCode: string; officialCode: string };
const official = { id: 'ho-official', name: '吴丽' };
const first = { id: 'ho-first', name: '王思远' };
const second = { id: 'ho-second', name: '李明' };

beforeAll(async () => {
  t = await startTestApp();
  codes = await setUpCommunity(t, '转交社区', group);
  await t.say(official, `报到 ${codes.officialCode}`);
  await t.say(first, `报到 ${codes.memberCode}`);
});
afterAll(() => t.close());

describe('joining', () => {
  it('"加入 CODE" joins; "我想加入志愿者" is not taken as a code', async () => {
    const joined = textsTo(await t.say(second, `加入 ${codes.memberCode}`), second.id).join('\n');
    expect(joined).toContain('报到成功');
    const who = { id: 'ho-curious', name: '孙红' };
    const asked = textsTo(await t.say(who, '我想加入志愿者'), who.id).join('\n');
    expect(asked).not.toMatch(/邀请码.*(?:无效|不对|找不到)/u);
  });
});

describe('a volunteer hands an item to another', () => {
  it('"9号转我" from another volunteer says how; the holder\'s "9号转给李明" hands it over, named', async () => {
    const resident = { id: 'ho-chen', name: '陈阿姨' };
    const id = await fileRequest(t, resident, '心愿 帮我去药店买降压药 3号楼2单元');
    await t.say(first, `认领 ${id}`);
    const asked = textsTo(await t.say(second, `${id}号转我。已与王思远商定。`, { in: group }), group).join('\n');
    expect(asked).toContain(`${id}号转给`);
    expect((await ledgerItem(t, id)).claimantName).toBe('王思远');
    const handed = await t.say(first, `${id}号转给李明`, { in: group });
    expect(textsTo(handed, second.id).join('\n')).toContain(`王思远把 #${id}`);
    expect(textsTo(handed, resident.id).join('\n')).toContain('李明');
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('claimed');
    expect(item.claimantName).toBe('李明');
  });

  it('the holder\'s "交给物业吧 我不弄了" still gives it back', async () => {
    const resident = { id: 'ho-zhou', name: '周大爷' };
    const id = await fileRequest(t, resident, '心愿 帮忙修一下阳台晾衣架 5栋301');
    await t.say(first, `认领 ${id}`);
    await t.say(first, `${id}号交给物业吧 我不弄了`);
    expect((await ledgerItem(t, id)).status).toBe('open');
  });
});

describe('an official puts a step right', () => {
  it('"请把N号恢复成已办结" after a wrong reopening closes it again', async () => {
    const resident = { id: 'ho-liu', name: '刘奶奶' };
    const id = await fileRequest(t, resident, '心愿 帮我换个灯泡 7栋402');
    await t.say(first, `认领 ${id}`);
    await t.say(first, `${id}号换好了`);
    await t.say(official, `重新打开 ${id} 点错了`);
    expect((await ledgerItem(t, id)).status).toBe('claimed');
    await t.say(official, `请把${id}号恢复成已办结`);
    expect((await ledgerItem(t, id)).status).toBe('done');
  });

  it('"A号重新打开，B号并到A号" reopens the closed item, then merges', async () => {
    const a = await fileRequest(t, { id: 'ho-li', name: '老李' }, '反映 5号楼东门路灯坏了');
    const b = await fileRequest(t, { id: 'ho-zhao', name: '老赵' }, '反映 5号楼东门口路灯不亮');
    await t.say(first, `认领 ${a}`);
    await t.say(first, `${a}号修好了`);
    await t.say({ id: 'ho-li', name: '老李' }, '满意');
    expect((await ledgerItem(t, a)).status).toBe('confirmed');
    const reply = textsTo(await t.say(official, `${a}号重新打开，${b}号并到${a}号`), official.id).join('\n');
    expect(reply).not.toContain('不能合并');
    expect((await ledgerItem(t, b)).status).toBe('merged');
    expect((await ledgerItem(t, a)).status).not.toBe('confirmed');
  });
});

describe('a withdrawal put right', () => {
  it('"撤错了 N号恢复" restores it, and the group that heard "已撤回" hears it too', async () => {
    const resident = { id: 'ho-wu', name: '吴阿姨' };
    const id = await fileRequest(t, resident, '心愿 帮我把旧衣服送到回收点 2栋101');
    await t.say(resident, `撤回 ${id}`);
    const back = await t.say(resident, `撤错了 ${id}号恢复`);
    expect((await ledgerItem(t, id)).status).toBe('open');
    expect(textsTo(back, group).join('\n')).toContain(`#${id} 撤回有误，已恢复`);
  });
});

describe('a new matter after a verdict', () => {
  it('"五星 谢谢小王。另外我家晾衣架坏了…" confirms and starts the new request', async () => {
    const resident = { id: 'ho-old-zhou', name: '老周' };
    const id = await fileRequest(t, resident, '心愿 想请人教我用智能手机 5栋201');
    await t.say(first, `认领 ${id}`);
    await t.say(first, `${id}号教会了`);
    const reply = textsTo(await t.say(resident, '五星 谢谢小王。另外我家阳台的晾衣架坏了 想请人帮忙修一下'), resident.id).join('\n');
    expect((await ledgerItem(t, id)).status).toBe('confirmed');
    // Filed at once, at the address of the last wish (5栋201), said back.
    expect(reply).toContain('地址按上次的：5栋201');
    expect(reply).toMatch(/哪一类|微心愿|已收到，编号/u);
    const filed = await ledgerItem(t, Number(/编号 #(\d+)/u.exec(reply)?.[1]));
    expect([filed.text, filed.place]).toEqual([expect.stringContaining('晾衣架'), '5栋201']);
  });

  it('"满意 还有点漏" stays one verdict', async () => {
    const resident = { id: 'ho-tap', name: '钱大妈' };
    const id = await fileRequest(t, resident, '心愿 厨房水龙头滴水 帮忙看看 3栋502');
    await t.say(first, `认领 ${id}`);
    await t.say(first, `${id}号修好了`);
    const reply = textsTo(await t.say(resident, '满意 还有点漏'), resident.id).join('\n');
    expect(reply).not.toContain('哪一类');
  });
});

describe('a place put right', () => {
  it('"N号地点应为…，并非我家" from its resident, "更正：N号地点应为…" from an official; the holder hears, a group is not told where', async () => {
    const resident = { id: 'ho-zhou-dm', name: '周德明' };
    const id = await fileRequest(t, resident, '反映 井盖松动 踩上去晃 8栋3单元一楼');
    await t.say(first, `认领 ${id}`);
    const own = await t.say(resident, `${id}号地点应为东门口人行道，并非我家`);
    expect(textsTo(own, first.id).join('\n')).toContain('东门口人行道');
    expect((await ledgerItem(t, id)).place).toBe('东门口人行道');
    const office = await t.say(official, `更正：${id}号地点应为东门口人行道北侧`, { in: group });
    expect(textsTo(office, group).join('\n')).not.toContain('人行道');
    const item = await ledgerItem(t, id);
    expect(item.place).toBe('东门口人行道北侧');
    expect(item.events.filter((e) => e.type === 'place_set').map((e) => e.note)).toEqual(['东门口人行道', '东门口人行道北侧']);
  });
});

describe('an alarm while a verdict is asked for', () => {
  it('"快来人 我爸又不见了" after an earlier search was confirmed raises a new alarm; the old item stays closed', async () => {
    const daughter = { id: 'ho-daughter', name: '李红梅' };
    const first = await fileRequest(t, daughter, '大家帮帮忙！我爸不见了 他有老年痴呆 穿蓝色棉袄');
    await t.say(official, `完成 ${first} 找到了 送回家了`);
    await t.say(daughter, '满意');
    expect((await ledgerItem(t, first)).status).toBe('confirmed');
    const reply = textsTo(await t.say(daughter, '快来人 我爸又不见了'), daughter.id).join('\n');
    expect(reply).toContain('110');
    expect((await ledgerItem(t, first)).status).toBe('confirmed');
  });
});

describe('a space after every character', () => {
  it('"N号 不 要 了 撤 了" withdraws; "水 有 了 满 意" confirms', async () => {
    const grandmother = { id: 'ho-ayi', name: '吉克阿依' };
    const a = await fileRequest(t, grandmother, '心愿 帮 我 去 医院 拿 药 5栋101');
    await t.say(grandmother, `${a}号 不 要 了 撤 了`);
    expect((await ledgerItem(t, a)).status).toBe('withdrawn');
    const b = await fileRequest(t, grandmother, '心愿 家里 水管 坏了 帮 我 修 一下 5栋101');
    await t.say(first, `认领 ${b}`);
    await t.say(first, `${b}号修好了`);
    await t.say(grandmother, '水 有 了 满 意');
    expect((await ledgerItem(t, b)).status).toBe('confirmed');
  });
});
