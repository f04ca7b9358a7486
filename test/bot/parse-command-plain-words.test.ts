import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/bot/parse-command.ts';

// A fourth set from a trial by someone who had not read the parser: volunteers and officials saying
// what they do in plain words, the item number mid-sentence, and chatter with numbers that are days
// or buildings. Each command row was misunderstood before.

const commands: Array<[string, Record<string, unknown>]> = [
  ['5号 我陪赵奶奶去吧 我那天正好休息', { type: 'claim', id: 5 }],
  ['6号路灯我去看看 我懂点电', { type: 'claim', id: 6 }],
  ['好的我这边收到了 二号那个我明天上午过去看一下', { type: 'claim', id: 2 }],
  ['那3号我自己认领吧', { type: 'claim', id: 3 }],
  ['1号到了 看了下是阀芯坏了 得去五金店买个新的 明天弄', { type: 'progress', id: 1 }],
  ['不好意思 可能是线路的问题 6号我明天再找电工来看', { type: 'progress', id: 6, note: '可能是线路的问题 我明天再找电工来看' }],
  ['3号我已经联系燃气公司了 师傅十分钟到 大家先别开火', { type: 'progress', id: 3 }],
  ['5号已经陪奶奶去过医院了 检查结果都挺好的', { type: 'done', id: 5 }],
  ['6号电工来过了 线头松了 重新接好了 这回亮了', { type: 'done', id: 6 }],
  ['7号已经跟那几户说好了 车都挪走了 以后停车棚里', { type: 'done', id: 7 }],
  ['6号我这周出差去不了了 谁能帮忙接一下', { type: 'release', id: 6 }],
  ['8号和4号是一个事 合并了', { type: 'merge', id: 8, into: 4 }],
  ['9号这个是邻里纠纷 归到矛盾纠纷里', { type: 'category', id: 9, category: '矛盾纠纷' }],
  ['9号装修扰民这个得找城管 不归我们社区管 驳回吧 让他打12345', { type: 'reject', id: 9, reason: '装修扰民这个得找城管 不归我们社区管 让他打12345' }],
  ['6号张阿姨又说灯不亮了 重新打开 让陈建国再去看看', { type: 'reopen', id: 6, reason: '张阿姨又说灯不亮了 让陈建国再去看看' }],
  ['7号期限定在这周五之前', { type: 'deadline', id: 7, by: { weekday: 5, weeksAhead: 0 } }],
  ['期限 7 下星期一', { type: 'deadline', id: 7, by: { weekday: 1, weeksAhead: 1 } }],
  ['7号期限改为十二月五号前', { type: 'deadline', id: 7, by: { month: 12, day: 5 } }],
  ['今天有啥需要帮忙的吗', { type: 'list' }],
  ['我手上有哪些活', { type: 'mine' }],
  ['这周咱社区数据怎么样', { type: 'stats' }],
  ['再给我生成一个党员邀请码 新来了两个志愿者', { type: 'invite', role: 'member' }],
  ['帮我查一下2号 那个灯有人管吗', { type: 'status', id: 2 }],
  ['我要上电脑看看台账', { type: 'login' }],
];

const chatter = [
  '我家住6号楼 楼道灯坏了',
  '赵大爷说的对 5号那个事我也觉得该管管',
  '5号那天我去不了了',
  '12号上午我去看了',
  '6号路灯又不亮了',
  '不好意思 5号我们家没人',
  '今天 6号我正在上班',
  '下个月5号我到了北京',
  '2号楼道灯坏了好几天了',
  '孩子15号去了学校',
  '老王你那个2号的事我帮你问了',
];

describe('plain words', () => {
  it.each(commands)('%j', (text, expected) => expect(parseCommand(text)).toMatchObject(expected));
  it.each(chatter)('%j is no command', (text) => expect(parseCommand(text)).toMatchObject({ type: 'text' }));
});
