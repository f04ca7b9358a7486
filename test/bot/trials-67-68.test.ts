import { describe, expect, it } from 'vitest';
import { clearKind } from '../../src/bot/clear-kind.ts';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { guessIntents } from '../../src/bot/guess-intents.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trials 67 (陕西话 elders, a 维吾尔族 resident, a blind masseur on voice input, a parcel
// station's owner volunteering, a 网格员 pasting complaints, a 副主任) and 68 (北京话 elders, a wife
// writing for her husband after a stroke, an IT worker and a retired teacher volunteering, 物业's
// manager, a 书记 dictating).

const said = (text: string) => parseCommands(text) ?? parseCommand(text);
const official = (text: string) => said(officeCommands(text));

describe('false alarms', () => {
  it.each([
    ['你好 我是8号楼302的王桂芳 我爱人老李去年中风了 现在半边身子不利索 下周三上午要去宣武医院复查 我一个人扶不动他 孩子都在外地 能不能找个志愿者帮忙陪一下'],
    ['诶 刚才谁家煤气漏了 消防车来了吗'],
    ['还有一个事情就是我们家楼上好像一直在漏水我卫生间天花板一直往下滴水已经好几天了我上去敲门没人开能不能帮我联系一下楼上住户'],
    ['马蜂窝那件 紧急'],
  ])('%s', (text) => expect(detectEmergency(text)).toBeNull());
  it.each(['我妈摔倒了 扶不动 快来人帮忙', '隔壁独居的王奶奶敲门没人应 电话也打不通', '5号楼有煤气味 很大'])('%s is still one', (text) => expect(detectEmergency(text)).not.toBeNull());
});

describe('a complaint about one thing is no verdict on another', () => {
  it('"为什么要我打120我没有受伤啊就是天花板漏水…" does not reopen a hospital escort', () => {
    expect(understandReply('为什么要我打120我没有受伤啊就是天花板漏水我是想让社区帮我找一下楼上的人', { kind: 'revisit', itemId: 3, itemText: '我是五号楼一单元的王师傅我眼睛看不见 下周三去医院复查能不能有人陪我' })).toBeNull();
  });
});

describe('volunteers and 物业 in their own words', () => {
  it.each([
    ['11号看了 是灯杆里线断了 我弄不了 得找供电或者物业 我放弃吧', { type: 'release', id: 11 }],
    ['16号井盖 市政来换了新的铸铁井盖 锥桶撤了 办完了', { type: 'done', id: 16 }],
    ['十八号台阶儿干透了 砖头撤了 能走人了 这事儿算齐活', { type: 'done', id: 18 }],
    ['19号房管所已出鉴定，围墙已加固。完成。', { type: 'done', id: 19 }],
    ["5号 I'll take it 下班路过顺手", { type: 'claim', id: 5 }],
  ])('%s', (text, command) => expect(said(text)).toMatchObject(command));
  it('"住19号房" is a room', () => expect(said('住19号房')).toMatchObject({ type: 'text' }));
});

describe('the office', () => {
  it('"8号台阶松砖的交给老赵去弄一下，三天内" hands it to 老赵', () => {
    expect(official('8号台阶松砖的交给老赵去弄一下，三天内，盲人师傅天天走那')).toEqual([{ type: 'assign', id: 8, target: { kind: 'unit', name: '老赵' } }, { type: 'deadline', id: 8, workingDays: 3 }]);
  });
  it('"微心愿这礼拜几件" asks for figures, it files no wish', () => expect(parseCommand('微心愿这礼拜几件')).toMatchObject({ type: 'stats' }));
  it.each([
    ['居民不满意的有哪几件', [{ type: 'closed', which: 'unhappy' }]],
    ['物业手上压了几件？', [{ type: 'working', holder: '物业' }]],
  ])('%s', (text, guesses) => expect(guessIntents(text)).toEqual(guesses));
});

describe('the kind plain from the words', () => {
  it('a hornet nest where children play is a report', () => {
    expect(clearKind(normalizeText('小区北门那儿的健身器材旁边有个大马蜂窝 挂树杈子上 倍儿大个儿 孩子们都在底下玩儿'))).toBe('report');
  });
});
