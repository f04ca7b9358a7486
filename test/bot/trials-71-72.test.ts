import { describe, expect, it } from 'vitest';
import { clearKind } from '../../src/bot/clear-kind.ts';
import { extractPlace } from '../../src/bot/extract-place.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { itemIdsIn } from '../../src/bot/item-id.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { planBesideClaim } from '../../src/bot/plan-beside-claim.ts';
import { isSkip } from '../../src/bot/skip-and-cancel.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';
import { withoutSpacedCharacters } from '../../src/bot/spaced-words.ts';

// Issue 12, trials 71 (湖南 and 江西 elders, one blind and typing by voice; a rider and a retired
// accountant volunteering; a 网格员 and a 主任) and 72 (云南 and 甘肃 elders, a 彝族 grandmother and a
// 回族 grandfather; a teacher and a civil servant volunteering; a 网格长 and a 书记).

const official = (text: string) => {
  const plain = officeCommands(text);
  return parseCommands(plain) ?? parseCommand(plain);
};

describe('the kind plain from the words', () => {
  it.each([
    ['小连你好 我想麻烦哪个帮我整哈手机 微信视频咋个打都不会 孙子在外头打工想看看他', 'wish'],
    ['麻烦哪个帮我们买一袋二十五斤的米 再带一桶油 钱我给现金 住在九栋三单元六零二', 'wish'],
    ['你好 我家卧室窗子关不严实 风呼呼往进灌 晚上冻得睡不着 能不能找个尕娃来给我钉个塑料布', 'wish'],
    ['我的降压药吃完了 社区医院那点要开 我腿脚不方便 哪个能帮我克拿一哈 医保卡我给他', 'wish'],
    ['一楼那家开的麻将馆天天打到半夜两三点 哗啦哗啦的 吵得我们睡不着', 'report'],
    ['小区大门口进来那个井盖冇得哒 不晓得哪个偷走哒 一个好大的洞', 'report'],
    ['马路对面那个工地 夜里两点还在打桩 咚咚咚的 整栋楼都睡不着', 'report'],
    ['花园里头靠假山那盏路灯 一到晚上就一闪一闪的 好几天哒', 'report'],
    ['九栋的电梯今天又坏哒 停在八楼不动 我们住十六楼的老人家下不得楼 买菜都冇办法', 'report'],
    ['我屋里厕所顶上一直在滴水嘞 是楼上四零一渗下来的 敲渠屋门冇人应 麻烦你们帮我问下物业', 'report'],
  ])('%s → %s', (text, kind) => expect(clearKind(normalizeText(text))).toBe(kind));
});

describe('places already in the words', () => {
  it.each([
    ['马路对面那个工地 夜里两点还在打桩', '马路对面'],
    ['花园假山那边的路灯坏哒 一闪一闪的', '花园假山那边'],
    ['阳光花园3栋2单元 水管爆了', '阳光花园3栋2单元'],
  ])('%s → %s', (text, place) => expect(extractPlace(text)).toBe(place));
});

describe('no photo, in more words', () => {
  it.each(['我看不见哪里拍得照片咯冇得冇得', '没有 我不会弄那个', '照不来'])('"%s" skips it', (text) => expect(isSkip(text)).toBe(true));
  it('"我家照片墙掉了" is no skip', () => expect(isSkip('我家照片墙掉了')).toBe(false));
});

describe('a volunteer telling it is done, with money in the words', () => {
  it.each([
    ['送到了 奶奶给了我65块钱 米钱是62 多的3块她说不用找了', []],
    ['邹伯的药送到了 十毫克三十片的 28块 他给了30 找了他两块', []],
  ])('"%s" names no item', (text, ids) => expect(itemIdsIn(normalizeText(text)).map((m) => m.id)).toEqual(ids));
  it.each(['维保师傅来了 换了个继电器 电梯已经恢复运行', '物业今天上午清运完了，还喷了消毒水', '机顶盒的线松了 插紧重新搜了一遍台 现在六十几个台都有了'])(
    '"%s" says it is done',
    (text) => expect(talkAbout(text).kind).toBe('done'),
  );
  it('"2号物业电工下午来换了灯泡，…已经亮了，可以结了" is done, whatever came before', () =>
    expect(official('2号物业电工下午来换了灯泡，七栋一单元楼道灯已经亮了，可以结了')).toMatchObject({ type: 'done', id: 2 }));
});

describe('claims, with what the resident should hear', () => {
  it('"23号理发我来 …李爷爷方便吗" takes it', () => expect(parseCommand('23号理发我来 我老公是理发师 周日下午我们俩一起去 李爷爷方便吗')).toMatchObject({ type: 'claim', id: 23 }));
  it.each([
    ['买米那个1号我来 今天中午一点左右给奶奶送过去 买十斤的可以吧', '今天中午一点左右给奶奶送过去，买十斤的可以吧'],
    ['6号水龙头那个 我晚上八点以后过去 问下大爷家里有没有扳手 没有的话我自己带', '我晚上八点以后过去，问下大爷家里有没有扳手，没有的话我自己带'],
    ['认领7 燃气抢修十分钟到 我马上过去', '燃气抢修十分钟到，我马上过去'],
    ['17号我周日上午去 请问大爷窗户大概多宽 我好先买密封条', '我周日上午去，请问大爷窗户大概多宽'],
    ['3号我来吧 有没有人一起', ''],
  ])('"%s" passes on "%s"', (text, plan) => expect(planBesideClaim(text)).toBe(plan));
  it('"我来了没人开门" is no claim', () => expect(talkAbout('我来了没人开门').kind).not.toBe('claim'));
});

describe('verdicts', () => {
  const confirm = (words: string, itemText: string) => understandReply(words, { kind: 'confirm', itemId: 1, itemText });
  it('"…会不会又停回来咯 你们要盯紧点 满意" confirms: a worry about later is no complaint', () =>
    expect(confirm('车是挪走哒 要得 但是明天渠屋里亲戚会不会又停回来咯 你们要盯紧点 满意', '消防通道上停了辆车')).toMatchObject({ kind: 'confirm', rating: 5 }));
  it('"…满意是满意就是不晓得能坚持几天咯要是又吵起来…" confirms', () =>
    expect(confirm('昨天晚上九点半就冇得声音哒满意是满意就是不晓得能坚持几天咯要是又吵起来我再跟你们讲啊', '广场舞音响太吵')).toMatchObject({ kind: 'confirm' }));
  it('"…不过医生说一样的 满意的" confirms', () =>
    expect(confirm('药是拿对了 就是小陈拿错了一盒 有一盒是别个牌子的 不过医生说一样的 满意的', '帮我去社区医院拿药')).toMatchObject({ kind: 'confirm' }));
  it('"基本上满意 …" is four stars', () => expect(confirm('基本上满意 垃圾是拉走了 就是那块地上还有点味道', '八号楼后头的垃圾')).toMatchObject({ kind: 'confirm', rating: 4 }));
  it('"满意个锤子 …" is one star, not five', () => expect(confirm('满意个锤子 昨晚上又打到一点多', '麻将馆吵')).toMatchObject({ rating: 1 }));
  it('"不满意 还在漏" still sends it back', () => expect(confirm('不满意 还在漏', '水管漏水')).toMatchObject({ kind: 'dispute' }));
});

describe("officials' orders, each one done", () => {
  it.each([
    [
      '2号七栋楼道灯交物业公司，三天内修好；3号垃圾站的也给物业，设成紧急，明天之前清掉',
      [
        { type: 'assign', id: 2, target: { kind: 'unit', name: '物业公司' } },
        { type: 'deadline', id: 2, workingDays: 3 },
        { type: 'assign', id: 3, target: { kind: 'unit', name: '物业' } },
        { type: 'priority', id: 3, priority: 'urgent' },
        { type: 'deadline', id: 3, by: { daysAhead: 1 } },
      ],
    ],
    [
      '经研究，10号事项交由物业公司牵头整治，限五个工作日内完成；11号广场舞噪音问题由陈思雨同志负责协调，列为重点。',
      [
        { type: 'assign', id: 10, target: { kind: 'unit', name: '物业公司' } },
        { type: 'deadline', id: 10, workingDays: 5 },
        { type: 'assign', id: 11, target: { kind: 'unit', name: '陈思雨' } },
        { type: 'priority', id: 11, priority: 'urgent' },
      ],
    ],
    [
      '12号九栋电梯的让物业去联系维保公司，今天必须来人，设成紧急',
      [
        { type: 'assign', id: 12, target: { kind: 'unit', name: '物业' } },
        { type: 'deadline', id: 12, by: { today: true } },
        { type: 'priority', id: 12, priority: 'urgent' },
      ],
    ],
    [
      '23号和24号说的是同一盏路灯，24并到23，23交物业电工，期限三天',
      [
        { type: 'merge', id: 24, into: 23 },
        { type: 'assign', id: 23, target: { kind: 'unit', name: '物业电工' } },
        { type: 'deadline', id: 23, workingDays: 3 },
      ],
    ],
    [
      '搞反了，算了就用24号，24号交物业电工，期限3天',
      [
        { type: 'assign', id: 24, target: { kind: 'unit', name: '物业电工' } },
        { type: 'deadline', id: 24, workingDays: 3 },
      ],
    ],
    [
      '8号跟4号是一个事 合并了 另外催一下物业 4号明天中午前必须清完',
      [
        { type: 'merge', id: 8, into: 4 },
        { type: 'assign', id: 4, target: { kind: 'unit', name: '物业' } },
        { type: 'deadline', id: 4, by: { daysAhead: 1 } },
      ],
    ],
    [
      '1号给小何 2号给老周 都加急',
      [
        { type: 'assign', id: 1, target: { kind: 'unit', name: '小何' } },
        { type: 'priority', id: 1, priority: 'urgent' },
        { type: 'priority', id: 2, priority: 'urgent' },
        { type: 'assign', id: 2, target: { kind: 'unit', name: '老周' } },
      ],
    ],
    ['帮她把3号撤掉吧 她说不用了', { type: 'withdraw', id: 3 }],
    ['刘奶奶打电话来说3号不用了 撤了吧', { type: 'withdraw', id: 3 }],
  ])('%s', (text, expected) => expect(official(text)).toMatchObject(expected));
  it('"24号交给物业电工" keeps the unit whole', () => expect(official('24号交给物业电工')).toMatchObject({ type: 'assign', target: { name: '物业电工' } }));
});

describe('asked after in few words', () => {
  it.each(['我的事都好了吗', '我 的 事 都 好 了 吗'])('"%s" is what they have raised', (text) => expect(guessIntent(withoutSpacedCharacters(text))).toEqual({ type: 'mine' }));
  it('"@连心 孙女 学校 要 交 钱 …" keeps the mention apart from the words', () =>
    expect(withoutSpacedCharacters('@连心 孙女 学校 要 交 钱 手机 上 交 我 不会 弄 谁 教 我')).toBe('@连心 孙女学校要交钱手机上交我不会弄谁教我'));
});

describe('joining', () => {
  it('"３ETNWQXS 加入" (a full-width digit) joins', () => expect(guessIntent('３ETNWQXS 加入')).toEqual({ type: 'join', code: '3ETNWQXS' }));
});
