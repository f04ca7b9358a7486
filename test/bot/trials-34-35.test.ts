import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { kindAnswer } from '../../src/bot/kind-answer.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { publicText } from '../../src/bot/public-view.ts';
import { rerateOf } from '../../src/bot/rerate-reply.ts';
import { isSkip } from '../../src/bot/skip-and-cancel.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trials 34 and 35 (people who had not read the parser): what they wrote and what it meant.

describe('verdicts after a done notice', () => {
  const confirm = { kind: 'confirm' as const, itemId: 5 };
  it.each([
    ['闺女费心了 老伴儿乐得不行 满意满意', 'confirm'],
    ['就拿铁丝绑了绑 这哪叫修好了 回头一刮风还得掉 得换新铁皮', 'dispute'],
    ['哪里修好了哦，我刚带娃娃下去看，链子是换了，座板还是裂起的，坐上去夹屁股', 'dispute'],
    ['好得不行 谢谢', 'confirm'],
  ])('%s → %s', (text, kind) => {
    expect(understandReply(text, confirm)?.kind).toBe(kind);
  });
});

describe('emergencies, and what only sounds like one', () => {
  it.each([
    ['俺家老头子早上出去遛弯到这会儿还没回来 他脑子有点糊涂 电话也没带 这可咋整啊 谁看见了告诉俺一声', 'missing'],
    ['@连心 俺家老头找不着了 快帮帮忙', 'missing'],
    ['急事 人丢了', 'missing'],
    ['电梯里困了两个人', 'lift'],
  ])('%s → %s', (text, kind) => {
    expect(detectEmergency(text)?.kind).toBe(kind);
  });
  it.each([
    '十号楼二门楼道里堆了好多纸箱子破家具 堵着道 着火了跑都跑不出去',
    '想了一哈还是改成两颗星，这个电梯今年都困了好几回了，根本问题没解决',
    '孩子昨天走丢过一次 后来找到了',
  ])('%s → none', (text) => {
    expect(detectEmergency(text)).toBeNull();
  });
});

describe('a score put right, in their words', () => {
  it.each([
    ['想了一哈还是改成两颗星，这个电梯今年都困了好几回了，根本问题没解决', 2, '这个电梯今年都困了好几回了，根本问题没解决'],
    ['哎呀按快了，其实等了好几天，算基本满意嘛', 4, '其实等了好几天'],
    ['刚才问了家母，小杨是路上被堵了，不怪她，改成五星吧', 5, '问了家母，小杨是路上被堵了，不怪她'],
    ['不是新事，是7号的评分改成5星', 5, ''],
  ])('%s → %i', (text, rating, comment) => {
    expect(rerateOf(text)).toEqual({ rating, comment });
  });
});

describe('volunteers taking an item on in passing', () => {
  it.each(['4号我离得近 过去看看', '接', '12号车棚 我下班带铁丝先绑上', '22号路灯 我晚上拿梯子看看', '十八号井盖我也去瞅一眼'])('%s → claim', (text) => {
    expect(talkAbout(text).kind).toBe('claim');
  });
  it('"你们去看看嘛" is no claim', () => {
    expect(talkAbout('你们去看看嘛').kind).not.toBe('claim');
  });
});

describe('thanks to the bot, photo skips, neighbours’ doors', () => {
  it('"连心小助手真好用，辛苦啦～" is thanks', () => {
    expect(guessIntent('连心小助手真好用，辛苦啦～')).toEqual({ type: 'thanks' });
  });
  it.each(['黑咕隆咚的照不出来', '暖气片有啥可照的 没有'])('%s skips the photo', (text) => {
    expect(isSkip(text)).toBe(true);
  });
  it.each([
    ['我是12号楼3门401李秀芝的女儿', '我是12号楼3门***李秀芝的女儿'],
    ['九号楼一门201 暖气不热', '九号楼一门*** 暖气不热'],
    ['楼上1502天天半夜装修 吵得睡不着', '楼上***天天半夜装修 吵得睡不着'],
    ['昨晚上去1502敲门了', '昨晚上去***敲门了'],
    ['有事打110', '有事打110'],
  ])('%s → %s in a group', (text, shown) => {
    expect(publicText({ kind: 'report', text })).toBe(shown);
  });
});

describe('officials in their words', () => {
  it.each([
    ['告诉17号赵姨 供热站下午两点上门放气 家里得有人', { type: 'tell', id: 17, note: '赵姨 供热站下午两点上门放气 家里得有人' }],
    ['查一哈＃１９', { type: 'status', id: 19 }],
    ['16号和3号说的是同一个灯，并过去', { type: 'merge', id: 16, into: 3 }],
  ])('%s', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });
  it('"16号和3号不是同一个灯" merges nothing', () => {
    expect(parseCommand('16号和3号不是同一个灯').type).toBe('text');
  });
  it('"12号事项请设为紧急，分类调整为基础设施，期限两个工作日。" sets all three', () => {
    expect(parseCommands('12号事项请设为紧急，分类调整为基础设施，期限两个工作日。')).toEqual(
      expect.arrayContaining([
        { type: 'priority', id: 12, priority: 'urgent' },
        { type: 'category', id: 12, category: '基础设施' },
        { type: 'deadline', id: 12, workingDays: 2 },
      ]),
    );
  });
  it('"23号不是着火 是楼道堆物 改普通 给物业清 三天" clears the priority too', () => {
    expect(parseCommands('23号不是着火 是楼道堆物 改普通 给物业清 三天')).toEqual(expect.arrayContaining([{ type: 'priority', id: 23, priority: 'normal' }]));
  });
  it('"15号由我牵头，明天上门协调。" hands it to no unit called 由我 or 明天', () => {
    const parsed = parseCommands('15号由我牵头，明天上门协调。') ?? [];
    expect(parsed.some((c) => c.type === 'assign')).toBe(false);
  });
});

describe("a holder's done said by the result", () => {
  it.each(['花都搬屋里了 五盆', '彭嬢嬢那几盆三角梅都搬到花园头了，摆在亭子旁边', '花盆往旁边挪了一米，消防栓露出来了', '胡奶奶已经学会打视频了', '供热站放完气了 暖气热乎了'])('%s → done', (text) => {
    expect(talkAbout(text).kind).toBe('done');
  });
  it.each(['准备搬到楼下', '明天搬到楼下'])('%s → not done', (text) => {
    expect(talkAbout(text).kind).not.toBe('done');
  });
});

describe('trial 36', () => {
  it.each([
    ['想想李阿姨自己跑去叫的保洁，人家也是好心，还是给她五星吧，刚才4分改掉', 5, '想想李阿姨自己跑去叫的保洁，人家也是好心'],
    ['想想也不怪小周 是派出所慢 还是给四颗星', 4, '想想也不怪小周 是派出所慢'],
    ['不是新的事，4号评分改成5星', 5, ''],
  ])('%s → %i', (text, rating, comment) => {
    expect(rerateOf(text)).toEqual({ rating, comment });
  });
  it.each([
    ['我自己跟吧', 'claim'],
    ['7号养狗这个事要慢慢做工作的 一个礼拜内不要提醒我了', 'snooze'],
    ['十分抱歉，我老伴突发腰伤需要照顾，文明养犬一事本周恐无法开展，烦请其他同志接手。', 'release'],
    ['陆阿姨电视 信号源按错了 调回来了 教会了', 'done'],
    ['三楼灯泡烧掉了 换了个LED的 亮堂多了', 'done'],
    ['最后一辆也开走了 车位空了', 'done'],
  ])('%s → %s', (text, kind) => {
    expect(talkAbout(text).kind).toBe(kind);
  });
  it.each([
    ['有单没', 'list'],
    ['请问目前还有哪些心愿或问题尚无人认领？我本周三、周四均有空。', 'list'],
    ['我这个干部能用哪些指令来着，忘了', 'help'],
  ])('%s → %s', (text, type) => {
    expect(guessIntent(text)?.type).toBe(type);
  });
  it('"好 好 清爽" after a done notice confirms', () => {
    expect(understandReply('好 好 清爽', { kind: 'confirm', itemId: 14 })?.kind).toBe('confirm');
  });
});

it('"家里" to "这是哪一类？" is a wish', () => {
  expect(kindAnswer('家里')).toBe('wish');
});

describe('categories said loosely (trial 36)', () => {
  it.each([
    ['15号应该算基础设施', { type: 'category', id: 15, category: '基础设施' }],
    ['12号 分类放到治安安全', { type: 'category', id: 12, category: '治安安全' }],
  ])('%s', (text, command) => {
    expect(parseCommand(text)).toEqual(command);
  });
  it('"12号僵尸车，分类放到治安安全，期限月底前" sets both', () => {
    expect(parseCommands('12号僵尸车，分类放到治安安全，期限月底前')).toEqual(
      expect.arrayContaining([{ type: 'category', id: 12, category: '治安安全' }, { type: 'deadline', id: 12, by: { monthEnd: true } }]),
    );
  });
});

it('"这个就不拍了吧 恶心" skips the photo', () => {
  expect(isSkip('这个就不拍了吧 恶心')).toBe(true);
});
