import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { freshMatter } from '../../src/bot/fresh-matter.ts';
import { itemIdsIn } from '../../src/bot/item-id.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';
import { describe, expect, it } from 'vitest';

// Issue 12, trials 49 (东北 residents, a 楼长 speaking for neighbours, a student volunteer) and 50
// (西南 residents, a grandson typing for his grandmother, 物业's manager as a member, a rider).

describe('done, and not yet done, in a volunteer\'s words', () => {
  it.each([
    ['6号这回真通了 倒了两桶水都下去了', 'done'],
    ['2号电视已经帮韦奶奶搬下来了 钱给奶奶了', 'done'],
    ['12号教完了 阿姨已经跟她姑娘视频上了', 'done'],
    ['6号 晚上收工再去 带个长的疏通器', 'news'],
  ])('%s → %s', (text, kind) => expect(talkAbout(text).kind).toBe(kind));
});

describe('worries and reasons are no alarms', () => {
  it.each([
    '楼上402家白天没人 敲门也没人开 水还往下嘀嗒呢 4号那事跟高师傅说一声',
    '俺家老头腿脚不好 下礼拜二得上中医院拿药 想找个人陪着去 俺一个人扶不动他',
    '小区健身器材那个漫步机螺丝松了 一踩直晃悠 别把老人摔了',
  ])('%s', (text) => expect(detectEmergency(text)).toBeNull());

  it.each(['我爸摔了 起不来了', '独居老人敲门没人开 好几天没见了', '我妈摔地上了 我一个人扶不动她 快来人帮忙'])('%s is still an emergency', (text) => {
    expect(detectEmergency(text)?.kind).toBe('injury');
  });
});

const said = (text: string) => parseCommands(text) ?? parseCommand(text);

describe('verdicts after a done notice', () => {
  const q = (itemText: string) => ({ kind: 'confirm' as const, itemId: 1, itemText });
  it.each([
    ['三楼四楼是亮堂了 五楼那个还忽闪忽闪的呢 没整利索', '楼道灯坏了', 'dispute'],
    ['别的都挺好 就厨房那扇还有点丝丝往里钻风', '厨房窗户漏风', 'dispute'],
    ['哦豁 我刚倒了盆水 又漫出来咯 莫得通完', '5栋下水道堵了', 'dispute'],
    ['13号单元门是关严实了 楼里暖和多了 大伙都说好', '单元门关不上', 'confirm'],
    ['挺好 就是还有点担心会再坏', '厨房窗户漏风', 'confirm'],
  ])('%s → %s', (text, itemText, kind) => expect(understandReply(text, q(itemText))?.kind).toBe(kind));

  it('a long new trouble sharing no words with the item is no answer to "还好吗？"', () => {
    const q8 = { kind: 'revisit' as const, itemId: 8, itemText: '小区健身器材螺丝松了 晃得厉害' };
    expect(understandReply('我奶奶说楼上602卫生间漏水 把我家厕所顶上泡坏了 麻烦看看', q8)).toBeNull();
    expect(understandReply('健身器材又松了 一踩就晃得厉害', q8)?.kind).toBe('new_report');
    expect(understandReply('还是老样子', q8)?.kind).toBe('reopen');
  });
});

describe('an official\'s instructions', () => {
  it.each([
    ['10号跟6号说的是一个井盖 并过去吧', [{ type: 'merge', id: 10, into: 6 }]],
    [
      '19跟18是一个路灯 并了 18号交物业 限两个工作日',
      [
        { type: 'merge', id: 19, into: 18 },
        { type: 'assign', id: 18, target: { kind: 'unit', name: '物业' } },
        { type: 'deadline', id: 18, workingDays: 2 },
      ],
    ],
    [
      '3号那个坑分类改成基础设施 期限三个工作日 物业抓紧哈',
      [
        { type: 'category', id: 3, category: '基础设施' },
        { type: 'deadline', id: 3, workingDays: 3 },
      ],
    ],
  ])('%s', (text, commands) => expect(said(text)).toEqual(commands));

  it.each([
    ['15号期限就定12月2日', { type: 'deadline', id: 15, by: { month: 12, day: 2 } }],
    ['给王德贵生成个党员邀请码 用一回就行', { type: 'invite', role: 'member', uses: 1 }],
    ['3号 13845102266', { type: 'tell', id: 3, note: '13845102266' }],
  ])('%s', (text, command) => expect(said(text)).toEqual(command));

  it('"5号垃圾分类不规范" names no category: no setting', () => expect(said('5号垃圾分类不规范')).toEqual({ type: 'text', text: '5号垃圾分类不规范' }));
});

describe('a new matter set apart from an item', () => {
  it('"不是的，这不是3号的事，是一个新的心愿：…请帮我登记。" is that wish, without the asking', () => {
    expect(freshMatter('这不是3号的事，是一个新的心愿：下周三上午我要去医院复查，想请一位志愿者陪同前往，请帮我登记。')).toEqual({
      type: 'wish',
      text: '下周三上午我要去医院复查，想请一位志愿者陪同前往',
    });
    expect(freshMatter('是问10号的进度')).toBeNull();
  });
});

describe('trial 49, more', () => {
  it.each(['先看两天再说别着急给结了万一又坏了呢', '我不是说新事是路灯那个先别给结'])('%s puts the verdict off', (text) => {
    expect(understandReply(text, { kind: 'confirm', itemId: 1, itemText: '路灯不亮了' })?.kind).toBe('later');
  });
  it('"302老李让我捎个话" names a room, not item 302', () => {
    expect(said('302老李让我捎个话 谢谢高师傅')).toMatchObject({ type: 'text' });
    expect(itemIdsIn('302老李让我捎个话')).toEqual([]);
    expect(itemIdsIn('5号老李接了').map((m) => m.id)).toEqual([5]);
  });
});
