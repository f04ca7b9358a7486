import { describe, expect, it } from 'vitest';
import { calledByName } from '../../src/bot/called-by-name.ts';
import { clearKind } from '../../src/bot/clear-kind.ts';
import { isNewMatter } from '../../src/bot/dialogue-words.ts';
import { publicText } from '../../src/bot/public-view.ts';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { isCancel, isNotARequest } from '../../src/bot/skip-and-cancel.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trials 77 (河南/山东 and 四川 elders; a rider and a retired teacher volunteering; a
// 网格员, a 主任 registering requests for residents who phoned) and 78 (苏州/杭州 and 闽南 elders,
// one in pinyin; 东北 and 天津; a community doctor and a retired soldier; a 网格员, a 书记).

const said = (text: string) => parseCommands(text) ?? parseCommand(text);
const official = (text: string) => said(officeCommands(text));
const verdict = (words: string) => understandReply(words, { kind: 'confirm', itemId: 1, itemText: '8栋门口下水道堵了' });

describe('a lift with someone in it is an emergency', () => {
  it.each(['遭了 2栋电梯把人关起了 卡在四楼五楼中间 里头是个老太婆', '2栋电梯卡人了'])('%s', (text) => expect(detectEmergency(text)?.kinds).toContain('lift'));
  it.each(['电梯坏了 里面没人', '电梯里面有个广告牌掉了', '电梯坏了好几天了'])('%s: not one', (text) => expect(detectEmergency(text)).toBeNull());
});

describe('the kind plain from the words', () => {
  it.each([
    ['伲屋里米吃光哉', 'wish'],
    ['米没了', 'wish'],
    ['伲降压药吃完哉', 'wish'],
    ['小连 伲楼下垃圾桶满出来哉 好几日没人倒', 'report'],
    ['垃圾桶满哉', 'report'],
    ['@连心 6栋门口那垃圾桶都冒尖儿了 介味儿 熏死人了 谁管管', 'report'],
    ['俺楼上天天夜黑半夜的咚咚咚 不知道再弄啥 吵得俺睡不找叫 恁给管管中不中', 'report'],
    ['刚才居民钱阿婆又来社区反映：10栋楼下绿化带被人开垦种菜，影响周边居民。', 'report'],
    ['小区里的井盖没了', 'report'],
  ])('%s → %s', (text, kind) => expect(clearKind(normalizeText(text))).toBe(kind));
});

describe('numbers and words that are not what they look like', () => {
  it('"办结13件？…13号路灯不是还没弄好吗" counts, it closes nothing', () => {
    const cmds = [said('办结13件？我数着没这么多吧 13号路灯不是还没弄好吗')].flat();
    expect(cmds.map((c) => c.type)).not.toContain('done');
  });
  it.each(['取消那一条吧，谢谢。', '帮我取消刚才那条', '取消那个心愿吧'])('"%s" cancels the draft', (text) => expect(isCancel(text)).toBe(true));
  it.each(['谢谢', '取消认领'])('"%s" cancels nothing', (text) => expect(isCancel(text)).toBe(false));
  it.each(['啥体 地址刚刚讲过哉 覅再登记了', '甭登记了'])('"%s": nothing to register', (text) => expect(isNotARequest(text)).toBe(true));
  it.each([
    ['9号 下班顺路去换', 9],
    ['15 我接 明早门诊顺手开 需核对医保卡', 15],
  ])('a volunteer\'s "%s" takes it', (text, id) => expect(said(text)).toMatchObject({ type: 'claim', id }));
});

describe('withdrawn, not done', () => {
  it.each([
    ['2号覅弄了 伲儿子今朝回来 已经修好了 sorry sorry', 2],
    ['3号别来了 已经好了', 3],
  ])('the submitter: %s', (text, id) => expect(said(text)).toMatchObject({ type: 'withdraw', id }));
  it('the office: "2号不算周师傅办结哈 居民儿子自己修好了 帮撤了吧🙏"', () =>
    expect(official('2号不算周师傅办结哈 居民儿子自己修好了 帮撤了吧🙏')).toMatchObject({ type: 'withdraw', id: 2 }));
});

describe('asked after', () => {
  it('"啥子哦 一哈说办好了一哈又说重新打开 到底好没得嘛" asks how it stands', () => expect(talkAbout('啥子哦 一哈说办好了一哈又说重新打开 到底好没得嘛').kind).toBe('status'));
});

describe("a holder's done words", () => {
  it.each(['报告！刘大爷家阳台上的四盆花已全部搬到楼下花坛，摆放整齐。', '14号教会啦 阿嬷已经跟外孙视频上了 老开心了🥰'])('%s', (text) => expect(talkAbout(text).kind).toBe('done'));
});

describe('verdicts in dialect', () => {
  it('"通是通了 但是…还是臭烘烘的 一般般嘛" confirms with three stars and the remark', () =>
    expect(verdict('通是通了 但是井盖边边上还是臭烘烘的 一般般嘛')).toMatchObject({ kind: 'confirm', rating: 3, comment: '通是通了 但是井盖边边上还是臭烘烘的' }));
  it.each(['不中 昨个黑还是咚咚咚到十点多 俺还是睡不着叫 说了跟没说一样', '啥人讲倒脱哉 伲刚刚下去看 还是满出来个', '没倒 还是满个'])('"%s" sends it back', (text) =>
    expect(verdict(text)?.kind).toBe('dispute'));
});

describe('called by what the welcome calls it', () => {
  it('"小助手那个那个俺想问问…" is for the bot', () => expect(calledByName('小助手那个那个俺想问问俺下礼拜三要去医院', '连心')).toEqual({ rest: '那个那个俺想问问俺下礼拜三要去医院' }));
  it('"小连家的狗" is not', () => expect(calledByName('小连家的狗', '连心')).toBeNull());
});

describe('a request of its own, sent in answer to "在哪里？"', () => {
  const noise = '花园那边跳坝坝舞的音响开得好大声哦 天天搞到晚上十点 娃儿作业都做不成';
  it('is a new matter minutes later, not the place of the report before it', () => {
    expect(clearKind(normalizeText(noise))).toBe('report');
    expect(isNewMatter('通是通了 但是井盖边边上还是臭烘烘的', noise, 5 * 60_000, true)).toBe(true);
  });
  it('"花园那边 垃圾桶旁边" is a place', () => expect(clearKind(normalizeText('花园那边 垃圾桶旁边'))).toBeNull());
});

describe('what a group reads of an elder', () => {
  it('"她独居" is not posted', () =>
    expect(publicText({ kind: 'wish', text: '刚才居民钱阿婆来社区反映，她独居，家住10栋1单元602，卫生间灯泡坏了' }, ['钱阿婆'])).toBe('刚才居民钱*来社区反映，（情况略），家住（地址略），卫生间灯泡坏了'));
});

describe("a 书记's 公文", () => {
  it('"3号路灯重新打开，仍由周建军同志跟进" reopens it and gives it to 周建军 (not to a unit called 仍由周建军)', () =>
    expect([official('3号路灯重新打开，仍由周建军同志跟进')].flat()).toEqual([
      { type: 'reopen', id: 3, reason: expect.any(String) },
      { type: 'assign', id: 3, target: { kind: 'unit', name: '周建军' } },
    ]));
  it('"4号给物业 也是三天": the deadline too', () =>
    expect([official('4号给物业 也是三天')].flat()).toEqual([
      { type: 'assign', id: 4, target: { kind: 'unit', name: '物业' } },
      { type: 'deadline', id: 4, workingDays: 3 },
    ]));
  it('"2号催一下物业 明天之前弄好" sets the limit (nothing for the resident)', () =>
    expect(official('2号催一下物业 明天之前弄好')).toEqual({ type: 'deadline', id: 2, by: { daysAhead: 1 } }));
  it('"19号井盖松动，分类更正为基础设施"', () => expect(official('19号井盖松动，分类更正为基础设施')).toEqual({ type: 'category', id: 19, category: '基础设施' }));
});
