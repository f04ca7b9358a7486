import { describe, expect, it } from 'vitest';
import { extractPlace } from '../../src/bot/extract-place.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { officeCommands, plainOfficeWords } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { isSkip } from '../../src/bot/skip-and-cancel.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trial 47 (a mixed new-build community: a retired couple sharing a phone, a night-shift
// mother, a landlord, a clinic doctor, a new 社区主任, a 网格员 writing terse lists).

const said = (text: string) => parseCommands(text) ?? parseCommand(text);
const office = (text: string) => said(plainOfficeWords(text));

describe('a 网格员 writing lines', () => {
  it('a line with single spaces is a sentence, never a pasted row with a unit called "天黑前亮"', () => {
    expect(plainOfficeWords('4号 物业电工下午四点换灯 天黑前亮\n8号 谁有空接一下')).not.toContain('交给');
    expect(officeCommands('4号 物业电工下午四点换灯 天黑前亮\n8号 谁有空接一下')).toBe('4号 物业电工下午四点换灯 天黑前亮\n8号 谁有空接一下');
  });
  it('"2号 不漏了 结 / 19号 玻璃胶补好了 也结" closes both', () => {
    expect(said('2号 不漏了 结\n19号 玻璃胶补好了 也结')).toMatchObject([{ type: 'done', id: 2 }, { type: 'done', id: 19 }]);
  });
  it('"在办 列一下" lists, naming nobody', () => {
    expect(guessIntent('在办 列一下')).toEqual({ type: 'working' });
  });
});

describe('residents and volunteers', () => {
  it.each([
    ['观察了两天 电梯再没停过 再结一次', 'done'],
    ['三楼是感应开关坏了 换了 亮了', 'done'],
    ['软管已换，检测无泄漏。', 'done'],
    ['理解理解 那我先放下 看哪位女同志能接一下', 'release'],
    ['楼上业主电话打通了 答应下周找人重做卫生间防水', 'news'],
  ])('%s → %s', (text, kind) => {
    expect(talkAbout(text).kind).toBe(kind);
  });
  it('"先别急着结 …没问题了再打分" puts the verdict off', () => {
    expect(understandReply('先别急着结 老头子说再坐两天看看 没问题了再打分。老伴', { kind: 'confirm', itemId: 1, itemText: '电梯老停' })?.kind).toBe('later');
  });
  it('"我们家提的那几个事都办完了没有" asks for their items', () => {
    expect(guessIntent('我们家提的那几个事都办完了没有 老张')).toEqual({ type: 'mine' });
  });
  it('"么得照片" skips; "我住六动一零三" (栋 by voice) is a place', () => {
    expect(isSkip('么得照片')).toBe(true);
    expect(extractPlace('我住六动一零三')).toBe('六动一零三');
  });
});

describe('trial 48 (an old-town community, 湖北/四川 speech, a family needing weekly help)', () => {
  const q = { kind: 'confirm' as const, itemId: 3, itemText: '每周帮我公公去医院拿药' };
  it.each(['药收到了 不过下个礼拜还要拿的，这个每周都要，别给我结了啊', '药收到了谢谢周师傅 但是3号是长期的 先不要结 不评价'])('%s does not close a weekly need (it stays with its holder: keep-on.ts)', (text) => {
    expect(understandReply(text, q)?.kind).toBe('keep_on');
  });
  it.each(['通是通了 谢谢王师傅 但是铁盖板也是烂的 莫算完哈', '我去现场看了：新盖板尺寸偏小 起码要B125。不能算修好。'])('%s disputes', (text) => {
    expect(understandReply(text, { kind: 'confirm', itemId: 5, itemText: '下水道井盖盖板烂了' })?.kind).toBe('dispute');
  });
  it('"稳当得很蛮意蛮意" (满意 by voice) confirms', () => {
    expect(understandReply('我刚才扶着上了一趟楼稳当得很蛮意蛮意王师傅真是好人', { kind: 'confirm', itemId: 18, itemText: '楼梯扶手松了' })?.kind).toBe('confirm');
  });
});

describe('a new 社区主任 and a 网格员 (trial 47)', () => {
  it.each([
    ['14号交给物业，先让他们评估一下，给两周时间', [{ type: 'assign', id: 14, target: { name: '物业' } }, { type: 'deadline', id: 14, workingDays: 10 }]],
    ['22号让高敏去上门调解一下，给三个工作日', [{ type: 'assign', id: 22, target: { name: '高敏' } }, { type: 'deadline', id: 22, workingDays: 3 }]],
    ['15号那个长椅坏了帮我催一下物业，明天必须修好', [{ type: 'assign', id: 15, target: { name: '物业' } }, { type: 'deadline', id: 15, by: { daysAhead: 1 } }]],
  ])('%s', (text, cmd) => {
    expect(office(text)).toMatchObject(cmd);
  });
  it.each([
    ['志愿者这周哪个最积极 我想表扬一下', { type: 'stats', topic: 'pioneers' }],
    ['高敏手上的事多吗？', { type: 'working', holder: '高敏' }],
  ])('%s', (text, cmd) => {
    expect(guessIntent(text)).toEqual(cmd);
  });
});

describe('trial 48, officials', () => {
  it('"6号分类不对哈 屋面渗水应该归基础设施，期限给五个工作日"', () => {
    expect(office('6号分类不对哈 屋面渗水应该归基础设施，期限给五个工作日')).toMatchObject([{ type: 'category', id: 6, category: '基础设施' }, { type: 'deadline', id: 6, workingDays: 5 }]);
  });
  it('"这周的数字发我一下 街道下午要" asks for the figures', () => {
    expect(guessIntent('这周的数字发我一下 街道下午要')).toEqual({ type: 'stats' });
  });
});

describe('trial 45, a resident asking why it was closed', () => {
  it('"11号还没焊呢，礼拜三才来，怎么就算办结了？" disputes, though it ends with a question mark', () => {
    expect(said('11号还没焊呢，礼拜三才来，怎么就算办结了？')).toMatchObject({ type: 'dispute', id: 11 });
    expect(said('11号完成了吗？')).toEqual({ type: 'status', id: 11 });
  });
});
