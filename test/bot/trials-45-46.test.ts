import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { fromPinyin } from '../../src/bot/from-pinyin.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { officeCommands, plainOfficeWords } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trials 45 (Shandong/Henan/Shaanxi speech, an angry resident, a 书记's long warm
// instructions, a taxi-driver volunteer) and 46 (a 彝族 grandmother, pinyin initials, a father with
// dementia, a 网格员 on patrol, a 街道 inspector with dates): what the writers meant.

const said = (text: string) => parseCommands(text) ?? parseCommand(text);
const office = (text: string) => said(plainOfficeWords(text));

describe('officials', () => {
  it.each([
    ['3号装修垃圾交物业公司清运 12月4号之前必须清完', [{ type: 'assign', id: 3, target: { name: '物业公司' } }, { type: 'deadline', id: 3, by: { month: 12, day: 4 } }]],
    ['7号噪音的先让网格员陈小芳上门了解一下情况', { type: 'assign', id: 7, target: { name: '陈小芳' } }],
    ['13号14号说的是同一个井盖 合并 然后交物业公司 两个工作日内修好', [{ type: 'merge', id: 14, into: 13 }, { type: 'assign', id: 13 }, { type: 'deadline', id: 13, workingDays: 2 }]],
    ['12号图书角的书架 期限定12月4号前装好', [{ type: 'deadline', id: 12, by: { month: 12, day: 4 } }]],
    ['19号路灯线路老化 着物业公司请专业电工 限12月2日前修复 加急', [{ type: 'priority', id: 19, priority: 'urgent' }, { type: 'assign', id: 19, target: { name: '物业公司' } }, { type: 'deadline', id: 19, by: { month: 12, day: 2 } }]],
    ['16号期限就定到下礼拜五吧', { type: 'deadline', id: 16, by: { weekday: 5, weeksAhead: 1 } }],
    ['16号这个邻里的事，麻烦刘桂兰大姐出面去楼上说和说和 一周之内有个结果', [{ type: 'assign', id: 16, target: { name: '刘桂兰' } }, { type: 'deadline', id: 16, workingDays: 5 }]],
    ['15号说的是隔壁金桥小区，不归咱们社区管，这条先驳回', { type: 'reject', id: 15 }],
  ])('%s', (text, cmd) => {
    expect(office(text)).toMatchObject(cmd);
  });
  it('"陈小芳手上现在压着几件" lists what she holds', () => {
    expect(guessIntent('陈小芳手上现在压着几件')).toEqual({ type: 'working', holder: '陈小芳' });
  });
});

describe('residents and volunteers', () => {
  it('a worry a clause before the harm raises no alarm', () => {
    expect(detectEmergency('@连心 反映个情况：3号楼二单元楼梯扶手松脱了，老人上下楼万一扶空了摔倒，髋部骨折就麻烦了')).toBeNull();
    expect(detectEmergency('老人摔倒了 流血了 快来人')?.kind).toBe('injury');
  });
  it('a missing father is an emergency', () => {
    expect(detectEmergency('大家帮帮忙！我爸不见了 他有老年痴呆 穿蓝色棉袄戴灰帽子 七十八岁')?.kind).toBe('missing');
    expect(detectEmergency('快来人 我爸又不见了')?.kind).toBe('missing');
  });
  it.each([
    ['zai ma', '在吗'],
    ['okk xx', '好的谢谢'],
    ['bl 有事群里说', '不留 有事群里说'],
    ['mz', '没有照片'],
    ['qx 电话不留', '取消 电话不留'],
    ['7hao zmyl', '7号怎么样了'],
    ['罗叔nb 5x', '罗叔真棒 5星'],
  ])('%s is %s', (text, chinese) => {
    expect(fromPinyin(text)).toBe(chinese);
  });
  it('"jiaru CODE" joins', () => {
    expect(said('jiaru VWVERGCM')).toEqual({ type: 'join', code: 'VWVERGCM' });
  });
  it.each(['找着了 俺给开全了 大爷家暖气又烫乎了', '俺给放了 这会儿烫手了 早上五点半弄完的', '三楼转角也加固好了这下整条扶手都稳当了'])('%s is done', (text) => {
    expect(talkAbout(text).kind).toBe('done');
  });
  it('"通开个啥！！！还往外冒黑水！！！这叫修好了？？？" disputes', () => {
    expect(understandReply('通开个啥！！！还往外冒黑水！！！这叫修好了？？？', { kind: 'confirm', itemId: 2, itemText: '7号楼下水道堵了' })?.kind).toBe('dispute');
  });
});

describe("an official's own words", () => {
  it('are kept as typed when saying them plainly makes no command (news and words for a resident)', () => {
    expect(officeCommands('孙浩同志您好，燃气公司的师傅已经在路上了，还有请您先把窗户打开')).toBe('孙浩同志您好，燃气公司的师傅已经在路上了，还有请您先把窗户打开');
    expect(officeCommands('3号 物业说明天来修 然后帮我跟居民说一声')).toBe('3号 物业说明天来修 然后帮我跟居民说一声');
    expect(officeCommands('经研究，12号予以重新受理。')).toBe('12号重新打开。');
  });
});
