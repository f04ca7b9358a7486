import { describe, expect, it } from 'vitest';
import { clearKind } from '../../src/bot/clear-kind.ts';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { isPlanNotDone } from '../../src/bot/plan-not-done.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';

// Issue 12, trials 55 (柳州话: a 壮族 grandmother and her daughter-in-law, a young mother, a veteran
// and a student volunteering, a 副书记 writing numbered lists) and 56 (宁夏话: a 回族 grandmother
// typing a character at a time, a stroke survivor typing one-handed in pieces, a school volunteer,
// 物业's manager with the official code, a 网格员 reporting for several households, a 主任).

const official = (text: string) => {
  const plain = officeCommands(text);
  return parseCommands(plain) ?? parseCommand(plain);
};

describe("an official's numbered list: one command per entry", () => {
  it.each([
    [
      '1、15号交给王思远 2、16号期限改到下周五 3、10号设为紧急',
      [
        { type: 'assign', id: 15, target: { kind: 'unit', name: '王思远' } },
        { type: 'deadline', id: 16, by: { weekday: 5, weeksAhead: 1 } },
        { type: 'priority', id: 10, priority: 'urgent' },
      ],
    ],
    [
      '今天的安排：1、3号给王思远；2、4号驳回，重复了；3、6号紧急',
      [
        { type: 'assign', id: 3, target: { kind: 'unit', name: '王思远' } },
        { type: 'reject', id: 4, reason: '重复了' },
        { type: 'priority', id: 6, priority: 'urgent' },
      ],
    ],
    ['（1）3号给物业，（2）5号期限明天', [{ type: 'assign', id: 3, target: { kind: 'unit', name: '物业' } }, { type: 'deadline', id: 5, by: { daysAhead: 1 } }]],
    ['①3号紧急 ②4号给物业', [{ type: 'priority', id: 3, priority: 'urgent' }, { type: 'assign', id: 4, target: { kind: 'unit', name: '物业' } }]],
    ['1.5号交物业 2.7号期限三天', [{ type: 'assign', id: 5, target: { kind: 'unit', name: '物业' } }, { type: 'deadline', id: 7, workingDays: 3 }]],
  ])('%s', (text, commands) => expect(official(text)).toEqual(commands));

  it.each([
    [
      '1. 3号井盖的事列为紧急\n2. 4号垃圾桶交给莫建国同志\n3. 3号限两天内处理完',
      [
        { type: 'priority', id: 3, priority: 'urgent' },
        { type: 'assign', id: 4, target: { kind: 'unit', name: '莫建国' } },
        { type: 'deadline', id: 3, workingDays: 2 },
      ],
    ],
    [
      '8号停车的事派给物业，期限五个工作日；5号噪音改普通；12号催一下蓝天宇',
      [
        { type: 'assign', id: 8, target: { kind: 'unit', name: '物业' } },
        { type: 'deadline', id: 8, workingDays: 5 },
        { type: 'priority', id: 5, priority: 'normal' },
        { type: 'assign', id: 12, target: { kind: 'unit', name: '蓝天宇' } },
      ],
    ],
  ])('lines and sentences, each about its own item: %j', (text, commands) => expect(official(text)).toEqual(commands));

  it.each([
    ['3号井盖的事列为紧急', { type: 'priority', id: 3, priority: 'urgent' }],
    ['5号噪音改普通', { type: 'priority', id: 5, priority: 'normal' }],
  ])('%s', (text, command) => expect(official(text)).toEqual(command));

  it('"5、6号都完成了" is no list: both items are done', () => {
    expect(official('5、6号都完成了')).toEqual([{ type: 'done', id: 5, note: '' }, { type: 'done', id: 6, note: '' }]);
  });
  it('"6号紧急" alone sets the priority', () => expect(official('6号紧急')).toEqual({ type: 'priority', id: 6, priority: 'urgent' }));
});

describe('a plan is not a completion', () => {
  it.each(['收到 9号 下午三点前送到', '收到收到 12号我下午就去 灯泡已经买好了', '收到 20号 今日内处理 已落实', '8号 明天上午去换'])('%s', (text) => {
    expect(isPlanNotDone(text)).toBe(true);
  });
  it.each(['12号 今天上午修好了', '9号米和青菜已送到阿姨家 放厨房了', '5号 下午送到了', '3号已经处理好了 明天再去看看', '2号搞定 明天不用去了', '7号 晚上陪阿姨去的 已经回来了', '6号的灯今天下午亮了'])(
    '%s is done',
    (text) => expect(isPlanNotDone(text)).toBe(false),
  );
});

describe('a resident who got a done notice for something not done', () => {
  const item = { itemId: 9, itemText: '想请人帮我去菜市场买十斤米' };
  it.each(['米还没送来啊 怎么就说办好了', '我冇满意啊！米都冇到 你咋个讲我确认了'])('%s disputes', (text) => {
    expect(understandReply(text, { kind: 'confirm', ...item })?.kind).toBe('dispute');
  });
  it('"我冇满意啊！…" after confirming takes it back', () => {
    expect(understandReply('我冇满意啊！米都冇到 你咋个讲我确认了', { kind: 'revisit', ...item })?.kind).toBe('reopen');
  });
  it.each(['已经送到了 满意', '菜送来了 很满意'])('%s still confirms', (text) => {
    expect(understandReply(text, { kind: 'confirm', ...item })?.kind).toBe('confirm');
  });
});

it('an official ranking a matter and handing it on raises no alarm', () => {
  expect(detectEmergency('滑梯的事紧急，派给莫建国，今天之内处理')).toBeNull();
  expect(detectEmergency('紧急！5号楼煤气味很大')?.kind).toBe('gas');
});

// Both trials: "这是哪一类？" for matters whose kind the words make plain (18 times in 440 messages).
describe('the kind plain from the words', () => {
  it.each([
    ['3栋2单元楼道灯坏了好几天了😭晚上抱娃上楼黑漆漆的 求修！！', 'report'],
    ['帮我楼下邻居刘奶奶反映一下 7栋门口那个下水道井盖松了 踩上去会翻 很危险', 'report'],
    ['3栋4栋中间的垃圾桶两天没清了', 'report'],
    ['我家楼上天天晚上12点还在拖椅子 咚咚咚的 睡不着 9栋3单元', 'report'],
    ['小区儿童滑梯那里有个螺丝冒出来了 好尖 在中心花园', 'report'],
    ['9栋后面那棵大树有根树枝断了挂在半空 刮风怕砸到人', 'report'],
    ['晚上广场舞音响开太大声了 九点半还在放', 'report'],
    ['北门口那个井盖翘起来了 电动车骑过去差点翻了 快找人弄一下', 'report'],
    ['东门口人行道井盖松动，踩上去晃，望尽快处理', 'report'],
    ['阿婆下礼拜三要去中心医院复查眼睛，能不能有志愿者陪她去一下', 'wish'],
    ['我腰闪了 动不了 想请人帮我去菜市场买十斤米和一点青菜', 'wish'],
    ['周六上午想找个人帮我看两个小时娃 我要去拔牙', 'wish'],
    ['帮阿婆登记一个 电视冇信号 要人上门帮忙调一下机顶盒', 'wish'],
    ['我屋里厢水龙头一直滴滴滴 搞么子都关唔紧', 'wish'],
    ['我那个收音机也坏了 有人会修不', 'wish'],
    ['下楼难\n想去医院复查', 'wish'],
    ['我想问问社区有没有老年人体检', 'report'],
    ['想问下 社区有冇老年人免费体检 几时有', 'report'],
  ])('%s → %s', (text, kind) => expect(clearKind(normalizeText(text))).toBe(kind));

  it.each(['楼下那个灯坏了好几天', '那个灯又坏了', '6号楼那几个灯坏了好几个', '楼下有人在吵架', '阿婆要去医院 楼道灯坏了 能不能陪她下楼'])(
    '%s is asked',
    (text) => expect(clearKind(normalizeText(text))).toBeNull(),
  );
});

describe("a volunteer's words about what they hold", () => {
  it.each([
    ['9号米和青菜已送到阿姨家 放厨房了 已落实', 'done'],
    ['收到 13号 已到场 螺丝已拧平 加装防护帽 已落实', 'done'],
    ['2号已落实。', 'done'],
    ['7号路灯得供电所来弄 我爬不上去也没工具 放弃了sorry', 'release'],
    ['9号尚未完成 是计划下午三点前送达 系统搞错了', 'dispute'],
    ['我还没去呢 怎么就办结了 12号撤销完成 我下午才去', 'dispute'],
  ])('%s → %s', (text, kind) => expect(talkAbout(text).kind).toBe(kind));
});

describe("an official's sentences and questions", () => {
  it.each([
    ['19号我自己办 完成 已电话告知', [{ type: 'claim', id: 19 }, { type: 'done', id: 19, note: '已电话告知' }]],
    ['13号煤气味那个，包经理马上安排人去5号楼2单元，今天必须有结果', [{ type: 'assign', id: 13, target: { kind: 'unit', name: '包经理' } }, { type: 'deadline', id: 13, by: { today: true } }]],
    ['指派17给包经理 今天办', [{ type: 'assign', id: 17, target: { kind: 'unit', name: '包经理' } }, { type: 'deadline', id: 17, by: { today: true } }]],
    [
      '8号 请包经理这边牵头处理，优先级调成紧急，明天下午六点前必须清完',
      [{ type: 'assign', id: 8, target: { kind: 'unit', name: '包经理' } }, { type: 'priority', id: 8, priority: 'urgent' }, { type: 'deadline', id: 8, by: { daysAhead: 1 } }],
    ],
    ['14号优先级调高一点，期限两天，分类放养老助残', [{ type: 'priority', id: 14, priority: 'urgent' }, { type: 'deadline', id: 14, workingDays: 2 }, { type: 'category', id: 14, category: '养老助残' }]],
  ])('%s', (text, commands) => expect(official(text)).toEqual(commands));

  it.each([
    ['现在还有哪些在办的', { type: 'working' }],
    ['现在谁手上还有没办完的', { type: 'working' }],
    ['这周每个志愿者各办了几件', { type: 'stats', topic: 'pioneers' }],
    ['10月的呢', { type: 'stats', span: 'm10' }],
    ['上个月的呢', { type: 'stats', span: 'lastMonth' }],
    ['11月份的数据按微心愿和问题反映分开给我列一下，各多少件，办结多少件', { type: 'stats', span: 'm11' }],
  ])('%s', (text, command) => expect(guessIntent(text)).toEqual(command));
});
