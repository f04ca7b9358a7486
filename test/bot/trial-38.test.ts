import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { kindAnswer } from '../../src/bot/kind-answer.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { publicPlace, publicText } from '../../src/bot/public-view.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trial 38 (a north-eastern community, young renters, a retired teacher, terse and chatty
// volunteers, office shorthand): what it meant.

const confirmAbout = (text: string, itemText: string) => understandReply(text, { kind: 'confirm', itemId: 9, itemText });

describe('a complaint to "满意吗？" is never a confirmation', () => {
  it.each([
    ['罐挺好 可电视还是就那几个台 中央一套都没有 俺要看新闻联播啊', '俺想求个人帮俺扛个煤气罐上楼 再一个俺家电视机顶盒不出台了'],
    ['黄师傅说明天一早才来抹水泥，台阶现在还是松的，现在应该还不算办好吧？等修好了我再评价。', '7号楼门口台阶松动了'],
    ['这还没去呢咋就办结了 礼拜二才去医院', '俺想找个人下礼拜二陪俺上医大一院复查'],
  ])('%s', (text, itemText) => {
    expect(confirmAbout(text, itemText)?.kind).toBe('dispute');
  });
  it('praise with a wish for next time still confirms', () => {
    expect(confirmAbout('满意 不过还是希望下次早点来', '帮忙取快递')?.kind).toBe('confirm');
  });
  it('a new request to "#6 还好吗？" is a new topic, not "it came back"', () => {
    const text = '打扰了，我想请一位会用智能手机的同志，帮我在手机上预约一下下周三医大二院眼科的复查号。我试了好几次都没弄明白，真是老了。谢谢！';
    expect(understandReply(text, { kind: 'revisit', itemId: 6, itemText: '帮忙买米和油' })).toBeNull();
    expect(understandReply('还是老样子', { kind: 'revisit', itemId: 6, itemText: '帮忙买米和油' })?.kind).toBe('reopen');
  });
});

describe('a volunteer on the way is not done', () => {
  it.each([
    ['6号的米和油都买好啦，正往刘老师家送呢，一会儿就到', 'progress'],
    ['11号水泥沙子都买回来了 明儿一早去抹', 'progress'],
    ['2 好 七点半楼下见', 'progress'],
    ['14号赵姐家老爷子头剃完啦 剃得可精神了', 'done'],
    ['11号台阶水泥抹好了 用砖头围上了 两天别踩', 'done'],
    ['21 已挂上 下周三上午9:30眼科专家号', 'done'],
    ['2号垃圾桶那个俺去看了 得环卫车来拉 俺一个人整不了 退回去吧', 'release'],
    ['21俺闺女临时出差了 俺自己整不明白 只能放回去了', 'release'],
  ])('%s → %s', (text, type) => {
    const cmd = parseCommand(text);
    expect(cmd.type === 'text' ? talkAbout(text.replace(/^\d+号?/u, '')).kind.replace('news', 'progress') : cmd.type).toBe(type);
  });
  it.each([
    ['周二我开车 我陪', 'claim'],
    ['我就在楼下 马上上去', 'claim'],
    ['的米和油都买好啦，正往刘老师家送呢，一会儿就到', 'news'],
  ])('%s → %s', (text, kind) => {
    expect(talkAbout(text).kind).toBe(kind);
  });
});

describe('an official in shorthand', () => {
  it.each([
    ['2号 改普通 不紧急', { type: 'priority', id: 2, priority: 'normal' }],
    ['2号也不是紧急的哈 正常排就行', { type: 'priority', id: 2, priority: 'normal' }],
    ['11分类错了 是基础设施不是养老助残', { type: 'category', id: 11, category: '基础设施' }],
    ['13 派孙志刚', { type: 'assign', id: 13, target: { kind: 'unit', name: '孙志刚' } }],
    ['那24交物业评估一下能不能装', { type: 'assign', id: 24, target: { kind: 'unit', name: '物业' } }],
    ['报道 zpw9 c29n', { type: 'join', code: 'ZPW9C29N' }],
  ])('%s', (text, cmd) => {
    expect(parseCommand(text)).toEqual(cmd);
  });
  it('"13 派人去看看" names nobody; "13重开 … 需继续跟进" hands it to no one called 需继续', () => {
    expect(parseCommand('13 派人去看看')).not.toMatchObject({ type: 'assign' });
    expect(parseCommands('13重开 楼下502天花板渗水 需继续跟进') ?? parseCommand('13重开 楼下502天花板渗水 需继续跟进')).toMatchObject({ type: 'reopen', id: 13 });
  });
  it.each([
    ['15 派黄德福 两天内清走', [{ type: 'assign', id: 15, target: { kind: 'unit', name: '黄德福' } }, { type: 'deadline', id: 15, workingDays: 2 }]],
    ['24不算心愿 改成问题反映 分类基础设施', [{ type: 'kind', id: 24, kind: 'report' }, { type: 'category', id: 24, category: '基础设施' }]],
  ])('%s', (text, cmds) => {
    expect(parseCommands(text)).toEqual(cmds);
  });
  it.each([
    ['不是转告 是把2号的紧急撤了 优先级改成一般', { type: 'priority', id: 2, priority: 'normal' }],
    ['不是查 是让你给赵姐带个话 14号到底要帮啥忙', { type: 'tell', id: 14, note: '到底要帮啥忙' }],
    ['给新来的社工整个干部邀请码', { type: 'invite', role: 'official', uses: 1 }],
  ])('%s', (text, cmd) => {
    expect(parseCommands(text) ?? parseCommand(text)).toEqual(cmd);
  });
  it('"25俺认领 24俺附议": both', () => {
    expect(parseCommands('25俺认领 24俺附议')).toEqual([{ type: 'claim', id: 25 }, { type: 'support', id: 24 }]);
  });
  it('a volunteer\'s question for the resident is passed on, not answered with the status', () => {
    expect(parseCommand('14号赵姐家要帮啥忙啊？上面就写老爷子瘫炕上了 没说要干啥 你帮我问问她')).toMatchObject({ type: 'tell', id: 14 });
  });
  it.each([
    ['这周志愿者谁干得多 排个名 周一例会表扬一下', { type: 'stats', topic: 'pioneers' }],
    ['照片咋发给你', { type: 'help', topic: 'photo' }],
    ['孙志刚手上现在有几件', { type: 'working', holder: '孙志刚' }],
    ['在办 黄德福', { type: 'working', holder: '黄德福' }],
    ['有没有快到期还没办完的', { type: 'working' }],
    ['连心您好，想打听一下，我反映的台阶松动和东门路灯那两件事，现在有什么进展了吗？', { type: 'mine' }],
    ['麻烦您帮我查一下我提过的所有事情的情况吧。', { type: 'mine' }],
    ['怎么查询进度？', { type: 'mine' }],
    ['你是真人还是机器人啊', { type: 'help', topic: 'who' }],
  ])('%s', (text, cmd) => {
    expect(guessIntent(text)).toEqual(cmd);
  });
});

describe('residents as they write', () => {
  it.each([
    ['应该算是微心愿吧，是我个人家里的小困难。谢谢您。', 'wish'],
    ['那就算心愿呗', 'wish'],
    ['可能是反映问题吧', 'report'],
  ])('%s → %s', (text, kind) => {
    expect(kindAnswer(normalizeText(text).trim())).toBe(kind);
  });
  it('救命 as a figure of speech raises no alarm; a real cry does', () => {
    expect(detectEmergency('3号楼底下垃圾桶满出来了 味儿巨冲 救命 另外电梯一直嘎吱嘎吱响 有点慌 坐着怕掉下去😅')).toBeNull();
    expect(detectEmergency('啊不是 没那么严重😂 救命是口头禅 不用110 就是俩事儿 垃圾桶一个 电梯一个')).toBeNull();
    expect(detectEmergency('救命啊 快来人')).not.toBeNull();
  });
  it('door numbers are masked in what the group reads, the neighbour\'s too', () => {
    const text = '楼上天天半夜蹦迪 我1号楼602 楼上就是702';
    expect(publicText({ kind: 'report', text })).toBe('楼上天天半夜蹦迪 我1号楼*** 楼上就是***');
    expect(publicPlace({ kind: 'report', place: '1号楼602 楼上' })).toBe('1号楼*** 楼上');
    expect(publicText({ kind: 'report', text: '702那家又在装修' })).toBe('***那家又在装修');
    expect(publicText({ kind: 'report', text: '3号楼东门路灯不亮' })).toBe('3号楼东门路灯不亮');
  });
  it('明儿 is 明天', () => {
    expect(normalizeText('明儿一早去抹')).toBe('明天一早去抹');
  });
});
