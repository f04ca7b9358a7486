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
  // A fifth trial: the number last, dialect, officials' limits and hand-overs.
  ['水管子那个我去整 我晓得咋个弄 4号', { type: 'claim', id: 4 }],
  ['我在12栋楼下 我先去看看 8号', { type: 'claim', id: 8 }],
  ['那我先认领4号', { type: 'claim', id: 4 }],
  ['10号 我去敲门说说 我认识那家人', { type: 'claim', id: 10 }],
  ['12号 我家有个闲置的老人机 明天给李大爷送过去', { type: 'claim', id: 12 }],
  ['7号 螺丝拧上了 又加固了一下', { type: 'done', id: 7 }],
  ['李大爷手机送到了 还教他怎么打电话 12号', { type: 'done', id: 12 }],
  ['垃圾清完了 拍了照 2号', { type: 'done', id: 2 }],
  ['4号弄起了 换了个阀门', { type: 'done', id: 4 }],
  ['1号灯管换了 这回换的新的 应该没问题了', { type: 'done', id: 1 }],
  ['5号那树我整不动 得找园林的 先撂这儿了', { type: 'release', id: 5 }],
  ['我們屋頭也聞到了 2棟三樓 6號', { type: 'support', id: 6 }],
  ['东西送到了吗 3号', { type: 'status', id: 3 }],
  ['5号点样啊 搞咗未', { type: 'status', id: 5 }],
  ['查一下5号谁在弄', { type: 'status', id: 5 }],
  ['2号限三天内办完', { type: 'deadline', id: 2, workingDays: 3 }],
  ['5号期限延到下周五', { type: 'deadline', id: 5, by: { weekday: 5, weeksAhead: 1 } }],
  ['3号没人接 让刘志强去一趟吧', { type: 'assign', id: 3, target: { kind: 'unit', name: '刘志强' } }],
  ['12号让杨红办吧 期限一周', { type: 'assign', id: 12, target: { kind: 'unit', name: '杨红' } }],
  ['10号优先级改回普通吧 不急了', { type: 'priority', id: 10, priority: 'normal' }],
  ['10号算了 还是重新受理 我们去调解一下', { type: 'reopen', id: 10 }],
  ['9号跟6号说的是一个事 并一块儿吧', { type: 'merge', id: 9, into: 6 }],
  ['我手上都有哪些活', { type: 'mine' }],
  ['我那个灯的事咋样了', { type: 'mine' }],
  ['我提的那些事都办得咋样了', { type: 'mine' }],
  ['有啥活儿没 发个单子看看', { type: 'list' }],
  ['待认领的还有几个', { type: 'list' }],
  ['这礼拜数据咋样', { type: 'stats' }],
  ['这个怎么用啊 我不会弄', { type: 'help' }],
  ['志愿者能干啥 命令都有哪些', { type: 'help' }],
  ['唔该晒你哋', { type: 'thanks' }],
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
  '明天去医院 15号',
  '孩子考了98分 12号',
  '我家住在3楼 5号',
  '票买好了 6号',
  '今天不去了 5号',
];

describe('plain words', () => {
  it.each(commands)('%j', (text, expected) => expect(parseCommand(text)).toMatchObject(expected));
  it.each(chatter)('%j is no command', (text) => expect(parseCommand(text)).toMatchObject({ type: 'text' }));
});
