import { describe, expect, it } from 'vitest';
import { clearKind } from '../../src/bot/clear-kind.ts';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { guessIntents } from '../../src/bot/guess-intents.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trials 63 (山东话 elders, one writing in bursts; a wheelchair user; a taxi driver and a
// student volunteering; a 网格员's numbered lists; a 书记 speaking at length) and 64 (河南话 and a
// 天津 grandfather; a deaf resident; a shop owner volunteering; 物业 staff; a 主任 asking for lists).

const official = (text: string) => {
  const plain = officeCommands(text);
  return parseCommands(plain) ?? parseCommand(plain);
};
const said = (text: string) => parseCommands(text) ?? parseCommand(text);

describe("an official's orders", () => {
  it('"…指派给物业张师傅，期限两天，优先级设成紧急。另外4号那个陪老人看病的让马建国去": all of it, to 张师傅', () => {
    expect(official('5号垃圾的事指派给物业张师傅，期限两天，优先级设成紧急。另外4号那个陪老人看病的让马建国去')).toEqual([
      { type: 'assign', id: 5, target: { kind: 'unit', name: '张师傅' } },
      { type: 'deadline', id: 5, workingDays: 2 },
      { type: 'priority', id: 5, priority: 'urgent' },
      { type: 'assign', id: 4, target: { kind: 'unit', name: '马建国' } },
    ]);
  });
  it('a clause it cannot read is said back, the rest is done', () => {
    expect(official('6号噪音的让网格员去敲门协调一下，交给马建国；7号乱停车交给张师傅，限三天；10号辅导孩子的发到群里看看有没有退休老师愿意')).toEqual([
      { type: 'assign', id: 6, target: { kind: 'unit', name: '马建国' } },
      { type: 'assign', id: 7, target: { kind: 'unit', name: '张师傅' } },
      { type: 'deadline', id: 7, workingDays: 3 },
      { type: 'unread', id: 10, text: expect.stringContaining('发到群里') as unknown as string },
    ]);
  });
  it.each([
    ['7号呢？7号交给张师傅 期限3天', [{ type: 'assign', id: 7, target: { kind: 'unit', name: '张师傅' } }, { type: 'deadline', id: 7, workingDays: 3 }]],
    ['14号漏水 物业张师傅去看一下 联系楼上602', { type: 'assign', id: 14, target: { kind: 'unit', name: '张师傅' } }],
    ['4号 让马建国去', { type: 'assign', id: 4, target: { kind: 'unit', name: '马建国' } }],
  ])('%s', (text, command) => expect(official(text)).toEqual(command));
  it('"12号修好了吗？13号呢？" still asks after both', () => expect(said('12号修好了吗？13号呢？')).toEqual([{ type: 'status', id: 12 }, { type: 'status', id: 13 }]));
  it('"14号漏水 我去看一下" hands it to nobody', () => expect(official('14号漏水 我去看一下')).not.toMatchObject({ type: 'assign' }));
});

describe('words quoted back keep their first character', () => {
  it.each([
    ['18号内容改为 1号楼旁边健身器材扭腰器断了', { type: 'content', id: 18, text: '1号楼旁边健身器材扭腰器断了' }],
    ['18号内容改为一号楼旁边健身器材扭腰器断了', { type: 'content', id: 18, text: '一号楼旁边健身器材扭腰器断了' }],
    ['3号 跟小王说 钥匙在门口地垫下面了', { type: 'tell', id: 3, note: '钥匙在门口地垫下面了' }],
    ['2号 跟志愿者说药是硝苯地平缓释片 别买错了', { type: 'tell', id: 2, note: '药是硝苯地平缓释片 别买错了' }],
  ])('%s', (text, command) => expect(said(text)).toEqual(command));
  it('a reason after 驳回 in the middle', () => {
    expect(official('5号 不归我们管 驳回 让他打12345问问了')).toEqual({ type: 'reject', id: 5, reason: '不归我们管 让他打12345问问了' });
  });
});

describe("an official's lists of what was finished, and of residents unhappy", () => {
  it.each([
    ['本周办完了哪些 列个单子给我', 'done'],
    ['这礼拜都办结了哪些事', 'done'],
    ['已办结的列表', 'done'],
    ['把这周办好的事情发我 我要写周报', 'done'],
    ['还有哪些居民不满意的 也列出来', 'unhappy'],
    ['有没有居民打差评或者说不满意的', 'unhappy'],
    ['这周有哪些居民不满意退回来的 列一下', 'unhappy'],
  ])('%s', (text, which) => expect(guessIntents(text)).toEqual([{ type: 'closed', which }]));
  it('"上个月办结的列一下" is last month', () => expect(guessIntents('上个月办结的列一下')).toEqual([{ type: 'closed', which: 'done', span: 'lastMonth' }]));
  it.each(['有没有人管 我很不满意', '我家水龙头修好了'])('%s is no list', (text) => expect(guessIntents(text)).toEqual([]));
});

describe('verdicts in dialect, and complaints beside thanks', () => {
  const question = { kind: 'confirm' as const, itemId: 8, itemText: '三号楼东头井盖子没了' };
  it.each(['俺看了 盖上了 杠好 中', '收着了', '好闺女', '杠好', '恁弄错了 俺是满意 井盖修得好 不是不满意'])('%s confirms', (text) => {
    expect(understandReply(text, question)?.kind).toBe('confirm');
  });
  it.each([
    ['药收着了 小伙子挺好 不过他给我拿错了一盒 我吃的是硝苯地平 他拿的是别的', '帮我去药店拿降压药 硝苯地平'],
    ['井盖装好了 我看到了 但是旁边的水泥还没干 也没放个牌子 小孩还是会踩进去', '八号楼门口井盖松了 小孩会踩进去'],
    ['刚去试了 左边那个ok 右边那个还是扫码没反应 not fixed', '小区充电桩 两个都扫码没反应 充不了电'],
  ])('%s disputes', (text, itemText) => expect(understandReply(text, { kind: 'confirm', itemId: 8, itemText })?.kind).toBe('dispute'));
  it('"俺说的是新事 …两个事" to a revisit of another item reopens nothing', () => {
    expect(understandReply('弄啥嘞 买菜那个早就中了 俺说的是新事 单元门锁坏了 楼道灯不亮 两个事', { kind: 'revisit', itemId: 11, itemText: '俺家在四号楼三单元 想请人帮俺买点菜' })).toBeNull();
  });
  it('a new trouble in the same building is no answer to a revisit of groceries', () => {
    expect(understandReply('俺跟恁说个事 俺们四号楼单元门那个锁坏了关不上 谁都能进 还有楼道里头那个灯也不亮', { kind: 'revisit', itemId: 11, itemText: '俺家在四号楼三单元 想请人帮俺买点菜' })).toBeNull();
  });
});

describe('alarms', () => {
  it.each(['咋没反应了', '不是不是 没人出事 我是说你咋不回我消息了 别吓人'])('%s (the bot was slow) is no emergency', (text) => expect(detectEmergency(text)).toBeNull());
  it.each(['我爸叫他没反应了', '老人在地上 喊她没反应了'])('%s is', (text) => expect(detectEmergency(text)?.kinds).toContain('injury'));
  it('a gas stove that smells is a gas alarm', () => {
    expect(detectEmergency('我爸那边厨房燃气灶老打不着火 有时候还有点味儿 他一个人住我不放心 能帮忙看看吗')?.kinds).toContain('gas');
  });
  it('"燃气灶打不着火了" alone is not', () => expect(detectEmergency('燃气灶打不着火了')).toBeNull());
});

describe('the kind plain from the words', () => {
  it.each([
    ['你好，我是7号楼的陈建国，坐轮椅的。我们楼门口那个无障碍坡道上停了好几辆电动车，我出不去，麻烦管一管', 'report'],
    ['六号楼跟七号楼当间那个路灯黑了好些天了 晚上看不见道 恁给登上', 'report'],
    ['我家楼上天天半夜十二点还在蹦迪似的 咚咚咚的 我是四号楼一单元302 楼上402 实在睡不着', 'report'],
    ['俺家楼下那个井盖子没了 黑咕隆咚的 可别把小孩掉下去 就在三号楼东头', 'report'],
    ['晚上广场舞音响开得特别大 八点到十点 孩子写作业根本没法集中 能不能让她们小点声', 'report'],
    ['俺想叫社区给俺家装个空调 夏天热得很 俺也没钱', 'wish'],
    ['俺家老头子头发长得跟草一样 他腿不中出不了门 有没有会理发嘞能上门给他推推', 'wish'],
  ])('%s', (text, kind) => expect(clearKind(normalizeText(text))).toBe(kind));
});
