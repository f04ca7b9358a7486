import { describe, expect, it } from 'vitest';
import { clearKind } from '../../src/bot/clear-kind.ts';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { itemIdsIn } from '../../src/bot/item-id.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { isSkip } from '../../src/bot/skip-and-cancel.ts';
import { planBesideClaim } from '../../src/bot/plan-beside-claim.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';

// Issue 12, trials 73 (东北 and 上海 elders, one hard of hearing; a young mother and a retired bus
// driver volunteering; a 网格员, a 书记) and 74 (山西/内蒙古 elders, one typing pinyin; 客家 elders; a
// nurse and a student volunteering; a 网格长, a 副主任).

const said = (text: string) => parseCommands(text) ?? parseCommand(text);
const official = (text: string) => said(officeCommands(text));

describe('the kind plain from the words, in 沪语, 客家话 and 晋语', () => {
  it.each([
    ['阿拉想学用手机打视频 孙子勒美国 啥人好教教阿拉 礼拜六下半天阿拉有空', 'wish'],
    ['阿拉养老金卡个密码忘记脱了 要到工商银行去重新弄 阿拉一个人勿敢去 有啥人礼拜一上半天好陪陪阿拉伐', 'wish'],
    ['阿拉想寻两个人帮阿拉把一只五斗橱搬到隔壁房间去 阿拉搬勿动', 'wish'],
    ['老妹 涯系曾满娣 涯屋下个手机微信冇声了 孙子打视频来涯都听唔到 有冇人来教下涯', 'wish'],
    ['涯屋下厅里个灯泡烧撇了 涯冇梯 爬唔上去换 九栋三单元一零二', 'wish'],
    ['麻烦寻个人帮额把院里那几盆大花搬回屋 天冷了怕冻死 额这腰不行搬不动', 'wish'],
    ['闺女 额想叫人帮额扛一袋面上来 二十五斤的 额扛不动', 'wish'],
    ['电梯坏撇 𠊎两公婆落唔得楼 有冇人帮手买滴菜 一斤猪肉 两把青菜', 'wish'],
    ['另外她家卫生间下水道堵了 让帮着登记一下 五栋一单元四零二', 'wish'],
    ['楼浪向每日夜里向十一点钟还勒嗨敲敲打打 拖台子 吵得阿拉困勿着', 'report'],
    ['楼上那家天天黑夜十一二点还圪咚圪咚的 不知道做甚了 吵得额睡不着觉', 'report'],
    ['额家暖气片不热 摸上去温乎乎的 这都十二月了 额们这一排都这样 五号楼的', 'report'],
  ])('%s → %s', (text, kind) => expect(clearKind(normalizeText(text))).toBe(kind));
  it('"孩子发烧了 家里没退烧药了" is not taken as a household fault (发烧 is no burnt bulb)', () => expect(clearKind(normalizeText('孩子发烧了 家里没退烧药了'))).toBeNull());
  it('"天涯海角" keeps its 涯', () => expect(normalizeText('天涯海角')).toBe('天涯海角'));
  it('"阿拉提额几桩事体侪办得哪能了" still asks after their own items', () => expect(guessIntent('阿拉提额几桩事体侪办得哪能了')).toEqual({ type: 'mine' }));
});

describe('emergencies said their way, and talk that is none', () => {
  it.each(['快点快点 九号楼电梯关牢人了 是隔壁人家个小囡 勒里向哭', '快些来人 七号楼那个电梯把人圪卡住了 里头是个娃娃 哭得哇哇的', '小囡困勒电梯里厢出勿来'])('"%s" is someone shut in a lift', (text) =>
    expect(detectEmergency(text)?.kind).toBe('lift'));
  it('"2 煤气 味 很大" (typed apart) is a smell of gas', () => expect(detectEmergency('2 煤气 味 很大')?.kind).toBe('gas'));
  it.each(['住院了 说是骨折 他闺女从北京回来了', '不好意思各位 孩子突然发烧39度 今晚得去儿童医院 买大米那个我去不了了 谁能帮忙接一下', '听讲是煤气漏了 燃气公司的车来了 冇事冇事'])(
    '"%s" raises no alarm',
    (text) => expect(detectEmergency(text)).toBeNull(),
  );
  it('"孩子发烧39度了 快来人" still does', () => expect(detectEmergency('孩子发烧39度了 快来人')).not.toBeNull());
});

describe('done, said by whoever did it', () => {
  it.each([
    ['8号可以结了 人已经送医院了', 8],
    ['10号和12号热力公司都上门放过气了 暖气都热乎了 两个都办结', 10],
    ['10号菜买好了 猪肉一斤二十八 青菜两把六块 一共四十九 送上去了 爷爷给了钱', 10],
  ])('"%s" finishes it', (text, id) => expect([said(text)].flat()[0]).toMatchObject({ type: 'done', id }));
  it('"票买好了 6号" stays plain words', () => expect(said('票买好了 6号')).toMatchObject({ type: 'text' }));
  it('"15号 …二号梯今天停用检修" names item 15 only (二号梯 is a lift)', () =>
    expect(itemIdsIn(normalizeText('15号 小孩救出来了 维保说是门机故障 二号梯今天停用检修')).map((m) => m.id)).toEqual([15]));
  it.each(['两盏都亮了 物业电工把线路也查了一遍', '花都搬屋里了 一共五盆 还帮爷爷浇了水'])('"%s" says it is done', (text) => expect(talkAbout(text).kind).toBe('done'));
  it('"覅" (沪语: no) skips the photo', () => expect(isSkip('覅')).toBe(true));
});

describe('words for the other side', () => {
  it('"1号我来 今晚七点送过去 要边种米" (粤语: which rice) passes the question on', () => expect(planBesideClaim('1号我来 今晚七点送过去 要边种米')).toBe('今晚七点送过去，要边种米'));
  it('"跟4号钟伯说 下礼拜五拆线我还陪阿婆去" passes it on; no "+1"', () =>
    expect(said('跟4号钟伯说 下礼拜五拆线我还陪阿婆去 还是八点半楼下等')).toMatchObject({ type: 'tell', id: 4, note: '下礼拜五拆线我还陪阿婆去 还是八点半楼下等' }));
  it('"跟4号一样 我们单元也漏水" is still a +1', () => expect(said('跟4号一样 我们单元也漏水')).toMatchObject({ type: 'support', id: 4 }));
});

describe("officials' orders", () => {
  it.each([
    [
      '4号垃圾清运问题，交物业公司办理，限两日内清运完毕，列为紧急。另外再生成一个党员邀请码，用二十次。',
      [
        { type: 'assign', id: 4, target: { name: '物业公司' } },
        { type: 'priority', id: 4, priority: 'urgent' },
        { type: 'deadline', id: 4, workingDays: 2 },
      ],
    ],
    [
      '12号也是暖气的事 一并交热力公司 一个工作日 跟10号一样加急',
      [
        { type: 'priority', id: 12, priority: 'urgent' },
        { type: 'assign', id: 12, target: { name: '热力公司' } },
        { type: 'deadline', id: 12, workingDays: 1 },
      ],
    ],
    [
      '23号：1、交物业公司联系楼上住户排查漏点；2、期限3个工作日。24号门禁交物业维修，限两个工作日',
      [
        { type: 'assign', id: 23, target: { name: '物业公司' } },
        { type: 'deadline', id: 23, workingDays: 3 },
        { type: 'assign', id: 24, target: { name: '物业' } },
        { type: 'deadline', id: 24, workingDays: 2 },
      ],
    ],
    [
      '9号电梯加急，交物业公司，让他们联系维保今天必须来人，今天下班前给我回话',
      [
        { type: 'priority', id: 9, priority: 'urgent' },
        { type: 'assign', id: 9, target: { name: '物业公司' } },
        { type: 'deadline', id: 9, by: { today: true } },
      ],
    ],
    [
      '16号供暖不热问题，请物业公司牵头联系热力公司上门排查，两个工作日内答复居民，列为重点督办。',
      [
        { type: 'assign', id: 16, target: { name: '物业公司' } },
        { type: 'priority', id: 16, priority: 'urgent' },
        { type: 'deadline', id: 16, workingDays: 2 },
      ],
    ],
    ['27号改成心愿 让郝静顺路看看', [{ type: 'kind', id: 27 }, { type: 'assign', id: 27, target: { name: '郝静' } }]],
    ['刚才赵福贵大爷打电话来说楼上这两天不吵了 13号不用再管了 帮他撤了吧', { type: 'withdraw', id: 13 }],
    ['7号不算紧急 改普通 给物业 挪车', [{ type: 'priority', id: 7, priority: 'normal' }, { type: 'assign', id: 7 }]],
    [
      '18号加急 催物业今天下班前必须修好 跟沈老伯说声抱歉 耽误了',
      [
        { type: 'priority', id: 18, priority: 'urgent' },
        { type: 'deadline', id: 18, by: { today: true } },
        { type: 'tell', id: 18, note: '抱歉，耽误了' },
      ],
    ],
  ])('%s', (text, expected) => expect(official(text)).toMatchObject(expected));
});
