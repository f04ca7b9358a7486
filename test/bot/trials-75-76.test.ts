import { describe, expect, it } from 'vitest';
import { clearKind } from '../../src/bot/clear-kind.ts';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { findRating } from '../../src/bot/find-rating.ts';
import { guessIntents } from '../../src/bot/guess-intents.ts';
import { itemIdsIn } from '../../src/bot/item-id.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { isSkip } from '../../src/bot/skip-and-cancel.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trials 75 (粤语 and 闽南 elders; a taxi driver and a retired nurse volunteering; a 网格员,
// a 主任) and 76 (吴语 and 合肥 elders; 物业 with an official's code and a retired engineer; a
// 网格员, a 书记).

const said = (text: string) => parseCommands(text) ?? parseCommand(text);
const official = (text: string) => said(officeCommands(text));
const verdict = (words: string, itemText: string) => understandReply(words, { kind: 'confirm', itemId: 1, itemText });

describe('the kind plain from the words', () => {
  it.each([
    ['後生仔 我下个礼拜三要去中山一院覆诊 屋企冇人陪 有冇人得闲陪下我啊 我住5座201', 'wish'],
    ['屋企个窗铰甩咗 个窗关唔埋 落雨就入水 有冇师傅帮手整下', 'wish'],
    ['连心 阮9栋的电梯又歹去了 三天啊 阮八十几岁行袂起来 汝紧叫人来修', 'report'],
    ['@连心 我楼上1202每晚十二点几仲喺度剁嘢拖凳 嘈到我成晚瞓唔着 你哋可唔可以同佢讲下', 'report'],
    ['又要麻烦你哋 5座后楼梯啲灯全部唔着 黑到乜都睇唔到', 'report'],
  ])('%s → %s', (text, kind) => expect(clearKind(normalizeText(text))).toBe(kind));
});

describe('闽南, 吴语 and 粤语 words', () => {
  it.each(['阮袂晓翕相', '弗会拍', '弗拍了'])('"%s" skips the photo', (text) => expect(isSkip(text)).toBe(true));
  it('弗 reads as 不, not in 弗兰克', () => expect([normalizeText('弗是新个事体'), normalizeText('弗兰克')]).toEqual(['不是新个事体', '弗兰克']));
  it.each([
    ['阮彼个电梯的代志按怎了 修好未', 'status'],
    ['我学手机个事体哪能了 有人来伐', 'status'],
    ['米买好了 丝苗米十斤装的 五十八块 等下给婆婆送上去', 'news'],
    ['10号 十斤米买了 已经帮苏阿公扛上9栋六楼了 阿公给的钱我没收', 'done'],
    ['4号地面也清干净了 拍了照片发群里了', 'done'],
  ])('"%s" is %s', (text, kind) => expect(talkAbout(text).kind).toBe(kind));
  it('"唔係满意啊 …" is no five stars', () => expect(findRating(normalizeText('唔係满意啊 16号仲有垃圾同老鼠'))?.rating).toBe(1));
  it('"梳化係搬走咗 但係地下仲有好多烂垃圾 …" sends it back', () => expect(verdict('梳化係搬走咗 但係地下仲有好多烂垃圾 啲老鼠仲喺度走来走去', '楼下梳化同垃圾')?.kind).toBe('dispute'));
  it('"多谢少年家 伓过汝走了后阮看伊又閣有淡薄仔滴水" sends it back', () => expect(verdict('多谢少年家 伓过汝走了后阮看伊又閣有淡薄仔滴水', '水龙头漏水')?.kind).toBe('dispute'));
  it('"通是通好了 就是弗晓得过两日会弗会又堵 满意个" confirms, and the 个 of 满意个 is no part of the comment', () =>
    expect(verdict('通是通好了 就是弗晓得过两日会弗会又堵 满意个', '下水道堵了')).toMatchObject({ kind: 'confirm', comment: '通是通好了 就是弗晓得过两日会弗会又堵' }));
});

describe('no false alarms', () => {
  it.each([
    '小连 三幢门口个下水道又堵牢了 污水漫出来一地 臭是臭得来 走路都要绕过去',
    '小连啊 俺老伴腿摔了不能下楼 俺也拎不动 想请人帮俺买一袋二十斤的大米跟一桶油 钱俺给',
  ])('"%s" is no emergency', (text) => expect(detectEmergency(text)).toBeNull());
});

describe('numbers that are no items', () => {
  it.each([
    ['11号602装修扰民 让物业去上门沟通一下', [11]],
    ['经研究，24号五幢502漏水一事着物业公司办理', [24]],
    ['15号16号都交给物业', [15, 16]],
  ])('%s', (text, ids) => expect(itemIdsIn(normalizeText(text)).map((m) => m.id)).toEqual(ids));
});

describe("officials' orders and lists", () => {
  it.each([
    ['12号转供电公司办理 期限五个工作日', [{ type: 'assign', id: 12, target: { name: '供电公司' } }, { type: 'deadline', id: 12, workingDays: 5 }]],
    ['5号电梯交给何俊同志跟进督办，期限不变', { type: 'assign', id: 5, target: { name: '何俊' } }],
    ['7号车棚起火一事，着物业公司牵头处置，列为紧急，期限一个工作日', [{ type: 'assign', id: 7, target: { name: '物业公司' } }, { type: 'priority', id: 7 }, { type: 'deadline', id: 7 }]],
    ['12号跟11号是一个事 合并 11号交物业电工 两个工作日内修好', [{ type: 'merge', id: 12, into: 11 }, { type: 'assign', id: 11, target: { name: '物业电工' } }, { type: 'deadline', id: 11, workingDays: 2 }]],
    ['13号人已经救出来了，可以结了。电梯故障的原因我另外让物业查', { type: 'done', id: 13, note: '人已经救出来了，可以结了。电梯故障的原因我另外让物业查' }],
    ['黄伯刚才打电话来，说25号灯泡他孙子周末回来换好了，不用麻烦志愿者了，帮他撤了吧', { type: 'withdraw', id: 25 }],
  ])('%s', (text, expected) => expect(official(text)).toMatchObject(expected));
  it.each(['5号合并撤销', '5号的加急撤了'])('"%s" withdraws nothing', (text) => expect(official(text)).not.toMatchObject({ type: 'withdraw' }));
  it('"把还没办完的事项给我列一下 …另外这周有哪些居民不满意退回来的也列一下" asks for both lists', () =>
    expect(guessIntents('把还没办完的事项给我列一下 谁在办 什么时候到期 另外这周有哪些居民不满意退回来的也列一下').map((g) => g.type)).toEqual(['working', 'closed']));
  it('"陪王奶奶去医院我来吧 …请问王奶奶几点的号" (after 5号) takes it', () => expect(talkAbout('陪王奶奶去医院我来吧 礼拜三我开车送她 请问王奶奶几点的号').kind).toBe('claim'));
});
