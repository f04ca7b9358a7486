import type { CommandName } from './command-types.ts';

/** Every word that starts a command, Chinese first, then the English aliases of SPEC's table. */
export const COMMAND_WORDS: Record<CommandName, readonly string[]> = {
  help: ['帮助', 'help', '?'],
  wish: ['心愿', '微心愿', 'wish'],
  report: ['反映', '报事', '问题', 'report'],
  claim: ['认领', '接单', 'claim'],
  progress: ['进展', 'progress'],
  done: ['完成', '办结', 'done'],
  release: ['放弃', 'release'],
  confirm: ['确认', '评价', 'confirm'],
  dispute: ['不满意', '重办', 'dispute'],
  withdraw: ['撤回', 'withdraw'],
  restore: ['恢复', 'restore'],
  support: ['附议', '+1', 'same'],
  tell: ['转告', 'tell'],
  // No word of its own: "长期失眠…" starts many a wish. Said in words (keep-on.ts).
  keep_on: [],
  status: ['查询', 'status'],
  mine: ['我的', 'mine'],
  list: ['待认领', '列表', 'list'],
  working: ['在办', '办理中', 'working'],
  join: ['报到', 'join'],
  assign: ['指派', 'assign'],
  reject: ['驳回', 'reject'],
  merge: ['合并', 'merge'],
  snooze: ['暂停提醒', 'snooze'],
  stats: ['统计', 'stats'],
  category: ['设置', 'category'],
  kind: ['类型', 'kind'],
  // Said within a sentence about an item ("3号地点应为…", parse-item-tail.ts), not as a first word.
  place: [],
  content: [],
  priority: ['优先', 'priority'],
  deadline: ['期限', 'deadline'],
  reopen: ['重新打开', 'reopen'],
  invite: ['邀请码', 'invite'],
  login: ['登录', '后台', 'console', 'login'],
  thanks: ['谢谢', '感谢', 'thanks'],
  answer: ['是', '否', 'yes', 'no'],
};

/**
 * Synonyms and common typos (pinyin input picks the wrong character: 认令, 确任, 登陆, 报道). They
 * count only when the whole command parses: "接孩子" or "取消" alone stay ordinary text, where a
 * word of SPEC's table would get a hint about what is missing.
 */
export const EXTRA_WORDS: Partial<Record<CommandName, readonly string[]>> = {
  help: ['怎么用', '怎么使用', '如何使用', '使用说明', '说明', '菜单', '功能', '指令', '命令', '不会用', '你能做什么', '能做什么', '都能做什么'],
  wish: ['心原', '心院', '薪愿', '提个心愿', '提个微心愿', '想提个微心愿', '想提个心愿', '许愿', '许个愿', '许个愿望', '许个心愿', '许一个心愿', '有个心愿', '有一个心愿', '小心愿'],
  report: ['反应', '报修', '投诉', '举报', '反馈'],
  claim: ['认令', '任领', '认岭', '认领了', '领取', '领', '接', '我接', '认'],
  progress: ['进度', '更新进展', '跟进', '进站', '近展', '进长', '进程'],
  done: ['完城', '玩成', '已完成', '已办结', '办完', '办好', '做完', '搞定', '修好', '处理好', '处理完'],
  release: ['退单', '不做了'],
  confirm: ['确任', '却认', '确人', '评分', '打分'],
  withdraw: ['撤销', '撤会', '取消'],
  support: ['付议', '附意', '加一'],
  tell: ['转达', '带个话', '捎个话', '跟办理人说', '告诉', '通知'],
  status: ['查寻', '查讯', '查一下', '查下', '查查', '查看', '查', '看看', '看一下', '问一下', '查一哈', '查哈'],
  mine: ['我的事项', '我的单子', '我的工单', '我的任务', '我认领的', '我提的', '我的心愿', '我的反映', '我的问题'],
  list: ['待领取', '未认领', '没人认领的', '可认领', '可以认领的'],
  working: ['在办的', '正在办的', '没办完的', '还没办完的', '未办结', '未办结的'],
  join: ['报道', '注册', '加入', 'jiaru'],
  assign: ['交办', '派给', '分派', '指派给'],
  reject: ['拨回', '退回', '博回', '驳会', '驳灰', '勃回'],
  merge: ['和并'],
  stats: ['统计数据', '数据'],
  category: ['分类', '类别', '改分类', '设置分类'],
  priority: ['优先级', '加急', '设为紧急'],
  deadline: ['时限', '办理期限', '截止', '限期'],
  reopen: ['重开', '重新办理', '重新打开一下'],
  invite: ['生成邀请码', '发邀请码', '要邀请码', '创建邀请码', '新邀请码', '邀请'],
  login: ['登陆', '登入', '管理后台', '进后台', '登录后台', '控制台'],
};

// "哎呀不是7号 是5号理发 已经完成了": the number corrected is the one meant.
export const CORRECTED_NUMBER = /^(?:哎呀|啊|哦)?[\s,，]*不是\s*#?\s*[\d〇零一二两三四五六七八九十]+\s*号?\s*[,，、\s]*是(?=\s*#?\s*[\d〇零一二两三四五六七八九十])/u;
// "更正：2号分类应为基础设施": the word announcing a correction, before the command it corrects.
export const CORRECTION_LEAD = /^\s*(?:更正|纠正|订正|修正|说错了|写错了|刚才说错了|刚才写错了)(?:一下)?[\s:：,，。!！]+(?=\S)/u;
// "取消4号 不需要了": why a request is withdrawn; "取消 6号能不能快点" gives none.
export const WITHDRAW_REASON = /不要|不需要|不用|撤|重复|好了|解决了|算了|不办|不弄|作废|弄错|发错|报错/u;
