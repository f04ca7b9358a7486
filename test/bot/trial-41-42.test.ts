import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { extractPlace } from '../../src/bot/extract-place.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { kindAnswer } from '../../src/bot/kind-answer.ts';
import { newMatterAfter } from '../../src/bot/new-matter-after.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { plainOfficeWords } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { placeAnswer } from '../../src/bot/place-answer.ts';
import { requestText } from '../../src/bot/request-text.ts';
import { draftEscape, isSkip } from '../../src/bot/skip-and-cancel.ts';
import { extractPhone } from '../../src/bot/extract-phone.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trials 41 (Shanghai and Jiangsu-Zhejiang speech, pinyin homophones, 公文 from a 街道
// cadre, a 网格员's shorthand) and 42 (Cantonese-coloured writing, letters, a clerk's numbered lists):
// what the writers meant.

const said = (text: string) => parseCommands(text) ?? parseCommand(text);
const office = (text: string) => said(plainOfficeWords(text));

describe('an official in the style of a 公文, or in shorthand', () => {
  it.each([
    ['经研究，2号事项请予以加急处理，着物业公司办理，限三个工作日内完成。', [{ type: 'priority', id: 2, priority: 'urgent' }, { type: 'assign', id: 2, target: { kind: 'unit', name: '物业公司' } }, { type: 'deadline', id: 2, workingDays: 3 }]],
    ['6号交钱国强同志办理。', { type: 'assign', id: 6, target: { name: '钱国强' } }],
    ['3号：1、交物业公司返工；2、期限2个工作日。', [{ type: 'assign', id: 3, target: { kind: 'unit', name: '物业公司' } }, { type: 'deadline', id: 3, workingDays: 2 }]],
    ['7号：1、交物业公司办理；2、期限2个工作日；3、优先级：紧急。', [{ type: 'assign', id: 7 }, { type: 'deadline', id: 7, workingDays: 2 }, { type: 'priority', id: 7, priority: 'urgent' }]],
    ['3号处理如下：1、分类改为基础设施；2、期限3个工作日；3、指派给物业公司', [{ type: 'category', id: 3, category: '基础设施' }, { type: 'deadline', id: 3, workingDays: 3 }, { type: 'assign', id: 3 }]],
    ['鉴于物业配件未到，现将3号事项办理期限延至12月8日。', { type: 'deadline', id: 3, by: { month: 12, day: 8 } }],
    ['11号期限调整为12月18日前。', { type: 'deadline', id: 11, by: { month: 12, day: 18 } }],
    ['经研究，12号予以重新受理。', { type: 'reopen', id: 12 }],
    ['经查，22号与20号系同一减速带问题，着并入20号一并办理。', [{ type: 'merge', id: 22, into: 20 }]],
    ['18 系统误登 并5', { type: 'merge', id: 18, into: 5 }],
    ['2号事项分类有误，应归入安全隐患类，请予更正。', { type: 'category', id: 2, category: '安全隐患' }],
    ['3号不是紧急情况，改为普通。', { type: 'priority', id: 3, priority: 'normal' }],
    ['15 门一直开着 有安全隐患 急', { type: 'priority', id: 15, priority: 'urgent' }],
    ['3 等配件 一周别提醒', [{ type: 'progress', id: 3, note: '等配件' }, { type: 'snooze', id: 3, days: 7 }]],
    ['8 交保洁 今天清掉', [{ type: 'assign', id: 8, target: { name: '保洁' } }, { type: 'deadline', id: 8, by: { today: true } }]],
    ['6 转物业 补坑 一周', [{ type: 'assign', id: 6, target: { name: '物业' } }, { type: 'deadline', id: 6, workingDays: 5 }]],
    ['4号为误重开，请恢复为已确认状态', { type: 'done', id: 4 }],
    ['4 误重开 居民说灯是好的 恢复办结', { type: 'done', id: 4 }],
    ['7号单车棚那个锁，让赵卫国去看一下吧', { type: 'assign', id: 7, target: { name: '赵卫国' } }],
    ['7号垃圾的事叫物业那边处理一下哈，尽快', { type: 'assign', id: 7, target: { name: '物业' } }],
    ['3号你们催一下物业，下周三之前必须弄好哈', [{ type: 'assign', id: 3, target: { name: '物业' } }, { type: 'deadline', id: 3, by: { weekday: 3, weeksAhead: 1 } }]],
    ['请生成党员志愿者邀请码一个，限用十次', { type: 'invite', role: 'member', uses: 10 }],
  ])('%s', (text, cmd) => {
    expect(office(text)).toMatchObject(cmd);
  });

  it('"叫他们处理一下" names nobody; a resident\'s words are never rewritten as an official\'s', () => {
    expect(plainOfficeWords('4号的事叫他们处理一下')).not.toContain('交给');
    expect(plainOfficeWords('4号的事叫上物业一起')).not.toContain('交给');
  });

  it.each([
    ['赵卫国现在手上还有几件没办完的？', { type: 'working', holder: '赵卫国' }],
    ['钱国强同志目前手上有几件在办？', { type: 'working', holder: '钱国强' }],
    ['请将本社区目前各类事项的办理情况汇总一下报我。', { type: 'stats' }],
  ])('%s', (text, cmd) => {
    expect(guessIntent(text)).toMatchObject(cmd);
  });
});

describe('volunteers taking items on and finishing them', () => {
  it.each([
    ['收到！4号下水道和5号帮奶奶拿药，我都接了！保证完成任务！', [{ type: 'claim', id: 4 }, { type: 'claim', id: 5 }]],
    ['收到 19号井盖20号减速带 我拿工具箱去看看', [{ type: 'claim', id: 19 }, { type: 'claim', id: 20 }]],
    ['13号我马上到！', { type: 'claim', id: 13 }],
    ['5号声控灯顺手也包了 冲鸭', { type: 'claim', id: 5 }],
    ['14 接了 我女儿读师范 放寒假能教', { type: 'claim', id: 14 }],
    ['17号我周一下午没课 陪阿婆去银行 冲', { type: 'claim', id: 17 }],
    ['7号 孙阿姨接到了 现在社区医院排队', { type: 'progress', id: 7 }],
    ['9号转我。已与王思远商定。', { type: 'claim', id: 9 }],
  ])('%s', (text, cmd) => {
    expect(said(text)).toMatchObject(cmd);
  });

  it.each([
    ['报告！11栋下水道已疏通，掏出一大团头发，已冲洗干净！', 'done'],
    ['漆已干透，警戒线已撤除，可正常使用！', 'done'],
    ['报告：单车棚锁头已换新，新钥匙放吴海燕店里', 'done'],
    ['报告！已安全接送陈伯夫妇往返人民医院，一切正常！', 'done'],
    ['ok的 灯泡换上 亮了亮了 绝绝子', 'done'],
    ['阿婆说ok了 那算完成吧', 'done'],
    ['密码重置好啦', 'done'],
    ['井盖垫好了 勿响了', 'done'],
    ['换了打火针 试过 有热水', 'done'],
    ['孙阿姨接到了 现在社区医院排队', 'news'],
    ['去过了 我弄勿来 还是让年轻人来吧 我退脱', 'release'],
    ['可能水压不稳 明天带个稳压阀再去 先别算完成', 'dispute'],
  ])('%s → %s', (text, kind) => {
    expect(talkAbout(text).kind).toBe(kind);
  });
});

describe('residents', () => {
  it.each([
    ['屋里向额事体 选衣', 'wish'],
    ['屋企嘅事 揀一', 'wish'],
    ['儿 公家额路等', 'report'],
  ])('kind answer %s → %s', (text, kind) => {
    expect(kindAnswer(normalizeText(text))).toBe(kind);
  });

  it.each(['阿拉勿会拍照片额', '眉有', '冇相'])('%s skips the photo', (text) => {
    expect(isSkip(text)).toBe(true);
  });

  it.each(['阿拉提额几桩事体侪办得哪能了', '请将本人名下全部事项及办理进度列表告知', '我之前报过嘅嘢而家点样喇 帮我睇下', '烦请告知本人先后所提各事项目前办理情况', '唔系呀 我想睇下我嘅单'])(
    '%s asks for their own items',
    (text) => {
      expect(guessIntent(text)).toEqual({ type: 'mine' });
    },
  );

  it('places written as people write them', () => {
    expect(extractPlace('反映 地库B2出口坡道积水 很滑')).toBe('地库B2出口坡道');
    expect(extractPlace('东门口人行道井盖松动')).toBe('东门口人行道');
    expect(extractPlace('15号门禁坏了刷不开')).toBeNull();
    expect(placeAnswer('12幢啊 刚才说了', '12幢')).toBe('12幢');
  });

  it('a letter is filed without its salutation and closing', () => {
    expect(requestText('尊敬的社区领导：您好！东门口人行道井盖松动，望尽快处理。此致敬礼！')).toBe('东门口人行道井盖松动，望尽快处理');
  });

  it('gas typed by homophones is an emergency; a fear of falling or of being trapped is not', () => {
    expect(detectEmergency('@连心 七号楼三楼楼道里煤汽味道老重额 是勿是漏汽了 阿拉吓煞了')?.kind).toBe('gas');
    expect(detectEmergency('东门口人行道井盖松动，行人踩上去晃动，恐有跌倒之虞，望尽快处理')).toBeNull();
    expect(detectEmergency('五栋部电梯成日停喺三楼开唔到门 好惊困喺入面')).toBeNull();
    expect(detectEmergency('有人困在电梯里了')?.kind).toBe('lift');
  });
});

describe('verdicts', () => {
  const q = { kind: 'confirm' as const, itemId: 1, itemText: '东门口井盖松动' };
  it.each([
    '新井盖确已安装，然井盖四周水泥尚未抹平，雨天易积水，恳请督促物业再行修整',
    '有热水出喇 不过水温忽冷忽热 未算整好啩',
    '刚下班走过 坡道中间那段还是一滩水 没好',
    '本人并未表示满意！井盖四周还没抹平，请勿办结',
  ])('%s disputes', (text) => {
    expect(understandReply(text, q)?.kind).toBe('dispute');
  });
  it('"…我先观察几天再评价哈" puts the verdict off', () => {
    expect(understandReply('谢谢钱师傅 不过上次也是好了两天又坏 我先观察几天再评价哈', q)?.kind).toBe('later');
  });
  it.each([
    ['修好了 谢谢钱师付 蛮好蛮好 给伊五心', 5],
    ['打四兴', 4],
    ['额 五颗心', 5],
  ])('%s rates %i', (text, rating) => {
    expect(understandReply(text, q)).toMatchObject({ kind: 'confirm', rating });
  });
  it('after confirmation, a question about something else does not reopen the item', () => {
    const revisit = { kind: 'revisit' as const, itemId: 4, itemText: '楼道灯不亮 4栋' };
    expect(understandReply('12345打过两次了 没用 社区出面协调一下不行？', revisit)).toBeNull();
    expect(understandReply('想问下社区有没有那种免费帮小孩辅到作业的 我家小孩数学不行', revisit)).toBeNull();
    expect(understandReply('灯还是不亮啊？', revisit)?.kind).toBe('reopen');
  });
  it.each([
    ['五星 谢谢小王。另外我家阳台的晾衣架坏了 想请人帮忙修一下', '我家阳台的晾衣架坏了 想请人帮忙修一下'],
    ['满意 小李很好。能不能再帮我配一张门禁卡', '能不能再帮我配一张门禁卡'],
    ['非常满意！小周老师讲得特别清楚，另外5号那个声控灯还没修好诶 配件到了没', '5号那个声控灯还没修好诶 配件到了没'],
  ])('%s: a verdict, then a new matter', (text, matter) => {
    expect(newMatterAfter(text)?.matter).toBe(matter);
  });
  it.each(['满意，另外谢谢小王', '满意 还有点漏'])('%s is all verdict', (text) => {
    expect(newMatterAfter(text)).toBeNull();
  });
});

describe('more of what trials 41–42 wrote', () => {
  it.each([
    ['您好，我是社区办公室张晓敏，邀请码：JCN93CYJ，请核实。', { type: 'join', code: 'JCN93CYJ' }],
    ['8号刚刚忘记打分了 打四星', { type: 'confirm', id: 8, rating: 4 }],
    ['17号还是要', { type: 'restore', id: 17 }],
  ])('%s', (text, cmd) => {
    expect(said(text)).toMatchObject(cmd);
  });
  it('a letter O among the digits of a phone number is a zero', () => {
    expect(extractPhone('电话18677O23391 白天上班可能接不到')?.number).toBe('18677023391');
  });
  it.each([
    ['银行额事体勿要麻烦了 撤脱好了', 'withdraw'],
    ['东门口个井盖 我都系反映呢单嘢 加埋我一份', 'support'],
  ])('%s → %s', (text, kind) => {
    expect(talkAbout(text).kind).toBe(kind);
  });
  it.each(['此非新事，取消。', '嗰条唔使登记 取消', '勿是新额 阿拉只是问问 查询'])('%s drops a draft', (text) => {
    expect(draftEscape(text)).not.toBeNull();
  });
});
