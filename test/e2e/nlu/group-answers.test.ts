import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimAndFinish, communityWithPeople, ledgerItem, newItem, setUpCommunity } from '../../helpers/community.ts';
import { startTestApp, textsTo, type SimPerson, type TestApp } from '../../helpers/test-app.ts';

// Issue 12, trial 21: in a group, what is said to the bot without an @ — an emergency, the bot
// called by name, a volunteer naming an item by what it is and then its number, a verdict on a fix
// or a phone declined — is answered; a volunteer's answer to a neighbour's thanks is not.

const group = 'g-answers';
const wang = { id: 'wang-answers', name: '王秀英' };
let t: TestApp;
let li: SimPerson;
let zhao: SimPerson;

beforeAll(async () => {
  t = await startTestApp();
  ({ li, zhao } = await communityWithPeople(t, '梧桐社区', group));
});
afterAll(() => t.close());

describe('said to the bot in a group, without @', () => {
  it('someone shut in a lift, with 快来人: filed at once and the officials alerted', async () => {
    const r = await t.say(wang, '快来人 9号楼电梯卡在3楼和4楼中间了 里面关着个老太太在喊', { in: group });
    expect(textsTo(r, group).join('\n')).toMatch(/#\d+/u);
    expect(textsTo(r, zhao.id).join('\n')).toContain('【紧急】');
  });

  it('the bot called by its name ("连心你好…") starts a request', async () => {
    const r = await t.say({ id: 'wu-answers', name: '吴奶奶' }, '连心你好我想请个人帮我把阳台上几盆花搬到楼下去晒晒太阳', { in: group });
    expect(textsTo(r, group).join('\n')).not.toBe('');
  });

  it('"南门垃圾桶3号我下班顺路去弄" from a volunteer claims item 3', async () => {
    const id = await newItem(t, wang, '心愿 南门垃圾桶旁边堆了好多纸箱 想请人帮忙清一下', group);
    await t.say(li, `南门垃圾桶${id}号我下班顺路去弄`, { in: group });
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('a verdict on a fix, said in the group after the private done notice, confirms it', async () => {
    const id = await newItem(t, wang, '心愿 帮忙修一下门口的晾衣杆', group);
    await claimAndFinish(t, li, id, '换了新的支架');
    await t.say(wang, '谢谢社区谢谢志愿者来得真快满意的', { in: group });
    expect((await ledgerItem(t, id)).status).toBe('confirmed');
  });

  it('"好的" in the group after a done notice confirms nothing', async () => {
    const id = await newItem(t, wang, '心愿 帮忙换个门把手', group);
    await claimAndFinish(t, li, id);
    await t.say(wang, '好的', { in: group });
    expect((await ledgerItem(t, id)).status).toBe('done');
  });

  it("a volunteer's answer to a neighbour's thanks is no news of their item", async () => {
    const id = await newItem(t, wang, '心愿 帮孙奶奶买一袋米', group);
    await t.say(li, `认领 ${id}`);
    const before = (await ledgerItem(t, id)).events.length;
    const r = await t.say(li, '不客气 应该的 孙奶奶下周还要啥提前跟我说', { in: group });
    expect(r.replies).toEqual([]);
    expect((await ledgerItem(t, id)).events.length).toBe(before);
  });
});

describe('a holder, in the group', () => {
  it('done with a photo: done, and the photo kept on the item', async () => {
    const id = await newItem(t, wang, '心愿 北门的垃圾桶满了 想请人清一下', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, '北门垃圾桶清干净了 也跟保洁说了以后每天早晚各清一次', { in: group, photos: ['media-done-1'] });
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('done');
    expect(item.photos.length).toBe(1);
  });

  it('"15号还是交给物业吧 我不弄了" gives it back', async () => {
    const id = await newItem(t, wang, '心愿 信报箱的合页断了 想找人修', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, `${id}号还是交给物业吧 我不弄了`);
    expect((await ledgerItem(t, id)).status).toBe('open');
  });
});

describe('what the group reads', () => {
  it('the kind question says the words back without the room number or phone', async () => {
    const r = await t.say({ id: 'zhou-answers', name: '周阿姨' }, '@连心 我住3号楼2单元301 楼上装修老是往下掉灰 电话13812345678', { in: group });
    const said = textsTo(r, group).join('\n');
    expect(said).toContain('收到');
    expect(said).not.toContain('301');
    expect(said).not.toContain('13812345678');
  });
});

describe('trial 22', () => {
  it('thanks to a person in the group ("吴书记 …谢谢你") confirms nothing', async () => {
    const id = await newItem(t, wang, '心愿 帮忙找人修一下单元门的闭门器', group);
    await claimAndFinish(t, li, id);
    await t.say(wang, '吴书记 这个事真麻烦你了 俺替院里老头老太太谢谢你', { in: group });
    expect((await ledgerItem(t, id)).status).toBe('done');
  });

  it('"一分钱都不要" beside 满意 is no score of one', async () => {
    const id = await newItem(t, wang, '心愿 帮忙修一下轮椅的刹车', group);
    await claimAndFinish(t, li, id, '换了刹车片');
    await t.say(wang, '满意非常满意小马这孩子实在 一分钱都不要');
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('confirmed');
    expect(item.rating).toBe(5);
  });

  it('a phone declined after an emergency, with news that help came, files no second emergency', async () => {
    const hu = { id: 'hu-answers', name: '胡大爷' };
    await t.say(hu, '我老伴在楼道里摔倒了起不来 快来人');
    const before = (await t.api('GET', '/api/items')).body.items.length;
    const r = await t.say(hu, '不用留了小郭已经来了救护车也叫了');
    expect(textsTo(r, hu.id).join('\n')).not.toContain('紧急事项');
    expect((await t.api('GET', '/api/items')).body.items.length).toBe(before);
  });

  it('a phone with the address after it: both kept', async () => {
    const qian = { id: 'qian-answers', name: '钱阿姨' };
    const id = await newItem(t, qian, '心愿 想请人帮忙换个灯泡');
    await t.say(qian, '可以 13907715562 白天都在家 我住5栋2单元302');
    expect((await ledgerItem(t, id)).place).toContain('5栋2单元302');
  });

  it('a photo with "照片补上" goes to the request already raised', async () => {
    const zheng = { id: 'zheng-answers', name: '郑阿姨' };
    await t.say(zheng, '反映 7栋楼道里堆了好多杂物 4楼5楼之间');
    const id = Number(/#(\d+)/u.exec(textsTo(await t.say(zheng, '没有'), zheng.id).join('\n'))?.[1]);
    const r = await t.say(zheng, '照片补上，就是这一堆', { photos: ['media-later-1'] });
    expect(textsTo(r, zheng.id).join('\n')).toContain(`#${id}`);
    expect((await ledgerItem(t, id)).photos.length).toBe(1);
  });

  it('a volunteer in the group takes on what the words name ("老陈家送医院那个我来吧")', async () => {
    const chen = { id: 'chen-answers', name: '陈大爷' };
    const id = await newItem(t, chen, '心愿 下周二想请人开车送老伴去医院复查', group);
    await t.say(li, '老陈家送医院那个我来吧 我有车 下周二正好休息', { in: group });
    expect((await ledgerItem(t, id)).status).toBe('claimed');
  });

  it('"我问的是我家水龙头那个事" asks after the one under way', async () => {
    const ma = { id: 'ma-answers', name: '马大爷' };
    const old = await newItem(t, ma, '心愿 厨房水龙头坏了 想找人修', group);
    await claimAndFinish(t, li, old);
    const id = await newItem(t, ma, '心愿 卫生间水龙头又滴水 想找人看看', group);
    const r = await t.say(ma, '那到底啥时候来修啊我这还滴着呢');
    expect(textsTo(r, ma.id).join('\n')).toContain(`#${id}`);
  });
});

describe('trial 23', () => {
  it('"…累坏了，非常满意" confirms with five stars; nothing reopens', async () => {
    const id = await newItem(t, wang, '心愿 想请人推孙师傅去医院复查', group);
    await claimAndFinish(t, li, id);
    await t.say(wang, '孙师傅让我替他说声谢谢，他说李姐推轮椅上上下下累坏了，非常满意');
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('confirmed');
    expect(item.rating).toBe(5);
  });

  it('"发错了 刚才那条是7号…的 不是9号": the news said again of the item meant, the other resident told', async () => {
    const he = { id: 'he-answers', name: '何奶奶' };
    const lin = { id: 'lin-answers', name: '林晓' };
    const a = await newItem(t, he, '心愿 想请人帮忙挂个窗帘', group);
    const b = await newItem(t, lin, '心愿 想请人放学接一下孩子', group);
    await t.say(li, `认领 ${a}`);
    await t.say(li, `认领 ${b}`);
    await t.say(li, `进展 ${b} 明天上午十点我一定到您家`);
    const r = await t.say(li, `发错了 刚才那条是${a}号何奶奶的 不是${b}号`);
    expect((await ledgerItem(t, a)).events.at(-1)).toMatchObject({ type: 'progress', note: '明天上午十点我一定到您家' });
    expect(textsTo(r, lin.id).join('\n')).toContain('发错了');
    expect((await ledgerItem(t, a)).status).toBe('claimed');
  });

  it('"@连心" in the middle: the words after it are for the bot', async () => {
    const r = await t.say(li, '婆婆出院了 这两天我又有空了 @连心 现在还有啥没人接的', { in: group });
    expect(textsTo(r, group).join('\n')).toMatch(/待认领|没有待认领/u);
  });

  it("an official's news of an item nobody took goes to its resident", async () => {
    const zhao2 = { id: 'zhao2-answers', name: '赵磊' };
    const id = await newItem(t, zhao2, '心愿 帮忙问问电梯什么时候能修好', group);
    const r = await t.say(zhao, `进展 ${id} 我已经联系上电梯维保了，十分钟内到`);
    expect(textsTo(r, zhao2.id).join('\n')).toContain('十分钟内到');
  });

  it('a bare code with 报到 after it joins', async () => {
    const code = (await t.api('POST', '/api/invites', { communityId: 1, role: 'member', maxUses: 5 })).body.code as string;
    const r = await t.say({ id: 'new-answers', name: '新志愿者' }, `郑主任给的码 ${code} 报到`);
    expect(textsTo(r, 'new-answers').join('\n')).toContain('报到成功');
  });
});

describe('在办 in a group', () => {
  it('shows the items without room numbers', async () => {
    const id = await newItem(t, wang, '心愿 6栋1702家里水管漏到楼下了 想找人看看', group);
    await t.say(li, `认领 ${id}`);
    const r = await t.say(zhao, '@连心 在办', { in: group });
    const said = textsTo(r, group).join('\n');
    expect(said).toContain(`#${id}`);
    expect(said).not.toContain('1702');
  });

  it('a community named loosely, with an address after it, answers "您是哪个社区的？"', async () => {
    const sun = { id: 'sun-place', name: '孙师傅' };
    await setUpCommunity(t, '红星机械厂宿舍社区', 'g-hx');
    // Two communities and nothing known of this person: the kind is plain, so the bot asks which first.
    expect(textsTo(await t.say(sun, '想请人帮忙把轮椅推到楼下晒太阳'), sun.id).join('\n')).toMatch(/哪个社区/u);
    const r = await t.say(sun, '红星机械厂那个宿舍，孙师傅住11栋一单元一楼');
    expect(textsTo(r, sun.id).join('\n')).not.toContain('之间的数字');
  });
});

describe('trial 24', () => {
  it('a volunteer in the group names the resident, not the item ("…孙姐推着试了两圈没问题"): done', async () => {
    const sun = { id: 'sunjie-answers', name: '孙晓梅' };
    const id = await newItem(t, sun, '心愿 轮椅的后胎瘪了 想找人帮忙补一下', group);
    await t.say(li, `认领 ${id}`);
    await t.say(li, '补完了 内胎扎了个钉子 打足气了 孙姐推着试了两圈没问题', { in: group });
    expect((await ledgerItem(t, id)).status).toBe('done');
  });

  it('someone fallen from a bed and too heavy to lift, in the group without @: an emergency', async () => {
    const r = await t.say({ id: 'care-answers', name: '孙晓梅' }, '谁在家 我妈从床上翻下来了 我一个人抬不动她 3单元401 求帮把手', { in: group });
    expect(textsTo(r, group).join('\n')).toContain('120');
  });

  it('an official puts a closed item into the right category', async () => {
    const wu = { id: 'wu-cat', name: '吴大爷' };
    await t.say(wu, '@连心 反映 3号楼单元门口的台阶裂了一道缝', { in: group });
    const id = Number(/#(\d+)/u.exec(textsTo(await t.say(wu, '没有', { in: group }), group).join('\n'))?.[1]);
    await t.say(zhao, `驳回 ${id} 已经有人报过了`);
    await t.say(zhao, `设置 ${id} 分类 治安安全`);
    const item = await ledgerItem(t, id);
    expect(item.status).toBe('rejected');
    expect(item.category).toBe('治安安全');
  });
});

describe('a report merged into another', () => {
  it("its resident hears the other's progress, as the merge promised", async () => {
    const ma = { id: 'ma-merged', name: '马建国' };
    const zhou = { id: 'zhou-merged', name: '周海燕' };
    const a = await newItem(t, zhou, '@连心 紧急 东门井盖翻了 有人差点掉下去', group);
    const b = await newItem(t, ma, '@连心 紧急 东门那个井盖又翻了 快来人看看', group);
    await t.say(zhao, `合并 ${b} 到 ${a}`);
    await t.say(li, `认领 ${a}`);
    const r = await t.say(li, `进展 ${a} 先放了锥桶围起来 明天换新井盖`);
    expect(textsTo(r, ma.id).join('\n')).toContain('先放了锥桶围起来');
  });
});
