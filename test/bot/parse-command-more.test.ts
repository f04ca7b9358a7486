import { describe, expect, it } from 'vitest';
import { parseCommand, type Command } from '../../src/bot/parse-command.ts';

// A second set, written by someone trying the bot who had not read the parser: the item number first,
// the verb last or unknown, officials in their own words. Each row was misunderstood before.

const claim = (id: number): Command => ({ type: 'claim', id });
const done = (id: number, note: string): Command => ({ type: 'done', id, note });
const progress = (id: number, note: string): Command => ({ type: 'progress', id, note });
const support = (id: number): Command => ({ type: 'support', id });

const rows: Array<[string, Command]> = [
  ['我去弄一下2号', claim(2)],
  ['#5 我看看去', claim(5)],
  ['6号垃圾的事我去弄', claim(6)],
  ['十八号我马上过去', claim(18)],
  ['第十九号 我去找', claim(19)],
  ['19号我来找', claim(19)],
  ['十号空调修好了 加了点氟', done(10, '空调修好了 加了点氟')],
  ['#12 又清理了一遍 草丛里也弄干净了 搞定', done(12, '又清理了一遍 草丛里也弄干净了')],
  ['5号重新弄好了 装了挡车桩', done(5, '重新弄好了 装了挡车桩')],
  ['21号 管子接好了 完成', done(21, '管子接好了 完成')],
  ['8号我去看了 燃气公司来修好了 搞定', done(8, '我去看了 燃气公司来修好了')],
  ['13号正在处理 电工下午来', progress(13, '正在处理 电工下午来')],
  ['4号有进展了 供电所说后天来修', progress(4, '有进展了 供电所说后天来修')],
  ['更新一下4号 已经报给供电所了', progress(4, '已经报给供电所了')],
  ['4号我弄不了了 家里有事 谁能接一下', { type: 'release', id: 4, reason: '家里有事 谁能接一下' }],
  ['4号还是交给别人吧 我这周出差', { type: 'release', id: 4, reason: '我这周出差' }],
  ['@连心 11号撤了吧 物业已经修好了', { type: 'withdraw', id: 11, reason: '物业已经修好了' }],
  ['@连心 我家那边也是 13号', support(13)],
  ['同样的问题 7号 我们单元电梯也卡过', support(7)],
  ['@连心 21号 我们单元也漏水', support(21)],
  ['我也要反映这个 22号', support(22)],
  ['7号怎么样了 有人管没', { type: 'status', id: 7 }],
  ['6号暂停提醒三天', { type: 'snooze', id: 6, days: 3 }],
  ['暂停提醒6号一周', { type: 'snooze', id: 6, days: 7 }],
  ['7号改成紧急 电梯有安全隐患', { type: 'priority', id: 7, priority: 'urgent' }],
  ['13号加急处理', { type: 'priority', id: 13, priority: 'urgent' }],
  ['8号恢复普通', { type: 'priority', id: 8, priority: 'normal' }],
  ['设置7号为紧急', { type: 'priority', id: 7, priority: 'urgent' }],
  ['13号分到基础设施类', { type: 'category', id: 13, category: '基础设施' }],
  ['7号的期限定为五个工作日', { type: 'deadline', id: 7, workingDays: 5 }],
  ['把8号交给李建国', { type: 'assign', id: 8, target: { kind: 'unit', name: '李建国' } }],
  ['8号让刘志强去处理一下', { type: 'assign', id: 8, target: { kind: 'unit', name: '刘志强' } }],
  ['@连心 7号交给物业公司处理', { type: 'assign', id: 7, target: { kind: 'unit', name: '物业公司' } }],
  ['@连心 21号交给@刘志强 办一下', { type: 'assign', id: 21, target: { kind: 'person', name: '刘志强' } }],
  ['16号不属于社区职责 驳回', { type: 'reject', id: 16, reason: '不属于社区职责' }],
  ['22号退回 这个归物业管', { type: 'reject', id: 22, reason: '这个归物业管' }],
  ['14号跟13号重复了 合并一下', { type: 'merge', id: 14, into: 13 }],
  ['把14号并到13号', { type: 'merge', id: 14, into: 13 }],
  ['10号重新打开一下 赵大爷说空调又不制冷了', { type: 'reopen', id: 10, reason: '赵大爷说空调又不制冷了' }],
  ['16号重新受理一下', { type: 'reopen', id: 16, reason: '' }],
  ['我提的那些事咋样了', { type: 'mine' }],
  ['看看我的', { type: 'mine' }],
  ['有没有没人接的活', { type: 'list' }],
  ['咋用啊这个', { type: 'help' }],
  ['@连心 你能干啥', { type: 'help' }],
  ['看看咱社区的统计', { type: 'stats' }],
  ['这周数据怎么样', { type: 'stats' }],
  ['我要进后台看看', { type: 'login' }],
  // a second trial
  ['1号 已经跟物业说了 他们说明天来换灯泡', progress(1, '已经跟物业说了 他们说明天来换灯泡')],
  ['3号 进展 明天下午过去', progress(3, '明天下午过去')],
  ['6号 人已经救出来了 老太太没事 维保的人在修电梯', progress(6, '人已经救出来了 老太太没事 维保的人在修电梯')],
  ['7号燃气公司来了 是灶台阀门没关严 已经处理好了', done(7, '燃气公司来了 是灶台阀门没关严 已经处理好了')],
  ['电梯修好了 6号可以结了', done(6, '电梯修好了')],
  ['17号灯泡换好了', done(17, '灯泡换好了')],
  ['16号调解好了', done(16, '调解好了')],
  ['10号第一次课上完了 孩子挺认真的', done(10, '第一次课上完了 孩子挺认真的')],
  ['一号那个灯到底咋回事啊 咋还没修好', { type: 'status', id: 1 }],
  ['瞅瞅1号', { type: 'status', id: 1 }],
  ['1号派给陈志强 让他带电工去', { type: 'assign', id: 1, target: { kind: 'unit', name: '陈志强' } }],
  ['16号交给网格员杨红去调解一下', { type: 'assign', id: 16, target: { kind: 'unit', name: '杨红' } }],
  ['指派 19 @陈志强 尽快处理', { type: 'assign', id: 19, target: { kind: 'person', name: '陈志强' } }],
  ['@连心 3号麻烦杨红去一趟', { type: 'assign', id: 3, target: { kind: 'unit', name: '杨红' } }],
  ['11号 交办 物业公司 限期维修', { type: 'assign', id: 11, target: { kind: 'unit', name: '物业公司' } }],
  ['@连心 21号给物业', { type: 'assign', id: 21, target: { kind: 'unit', name: '物业' } }],
  ['12号跟11号是一回事 合并一下', { type: 'merge', id: 12, into: 11 }],
  ['16号设为矛盾纠纷', { type: 'category', id: 16, category: '矛盾纠纷' }],
  ['16号不用加急 普通就行', { type: 'priority', id: 16, priority: 'normal' }],
  ['咋用啊 不会弄', { type: 'help' }],
  ['我要上电脑看台账', { type: 'login' }],
  // a third trial
  ['我去弄一下#7 我就住2号楼', claim(7)],
  ['1号我也能去', claim(1)],
  ['12号明天去', claim(12)],
  ['#7 燃气公司的人已经到了 正在查管道', progress(7, '燃气公司的人已经到了 正在查管道')],
  ['更新下五号 路灯归市政管 已经打了12345', progress(5, '路灯归市政管 已经打了12345')],
  ['@连心 11号老人已经送医院了 家属陪着', progress(11, '老人已经送医院了 家属陪着')],
  ['1号的水龙头明天上午去装', progress(1, '水龙头明天上午去装')],
  ['4号轮椅已经送到赵大爷家了', done(4, '轮椅已经送到赵大爷家了')],
  ['4号完事了', done(4, '完事了')],
  ['19号 扭腰器换了新轴承 能用了', done(19, '扭腰器换了新轴承 能用了')],
  ['10号纸箱太多我一个人搬不动 还是退了吧', { type: 'release', id: 10, reason: '纸箱太多我一个人搬不动 还是退了吧' }],
  ['@连心 6号到底有没有人管啊', { type: 'status', id: 6 }],
  ['我三号那个撤了吧 今天已经收走了', { type: 'withdraw', id: 3, reason: '今天已经收走了' }],
  ['14号分类改成环境卫生吧', { type: 'category', id: 14, category: '环境卫生' }],
  ['14号限期三个工作日内解决', { type: 'deadline', id: 14, workingDays: 3 }],
  ['统计一下这周的情况', { type: 'stats' }],
  ['看下统计', { type: 'stats' }],
  ['重新受理十八号 物业不管 还是社区来协调', { type: 'reopen', id: 18, reason: '物业不管 还是社区来协调' }],
  ['25号不归社区管 退回 燃气灶维修请打燃气公司客服', { type: 'reject', id: 25, reason: '不归社区管 燃气灶维修请打燃气公司客服' }],
  ['有啥要帮忙的不', { type: 'list' }],
  ['现在还有哪些没人认领的', { type: 'list' }],
];

const notCommands = ['15号我正在上班', '12号正在下雨', '我12号那天在修车', '8号我送孩子上学了', '15号楼门口集合', '我15号那天有事 去不了了', '16号我休息 可以来', '16号楼那边我来吧 我顺路', '明天8号 完成体检的去社区领报告', '12号紧急', '5月12号我来', '3号楼我来看看', '维修办'];

describe('parseCommand, a second set of how people write', () => {
  it.each(rows)('%j', (input, expected) => expect(parseCommand(input)).toEqual(expected));
  it.each(notCommands)('not a command: %j', (input) => expect(parseCommand(input).type).toBe('text'));
  it('asks, not tells: "3号修好了吗" is a question about #3', () => expect(parseCommand('3号修好了吗')).toEqual({ type: 'status', id: 3 }));
});
