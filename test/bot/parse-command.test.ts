import { describe, expect, it } from 'vitest';
import { parseCommand, type Command } from '../../src/bot/parse-command.ts';

const cases: Array<[string, Command]> = [
  // help
  ['帮助', { type: 'help' }],
  ['help', { type: 'help' }],
  ['?', { type: 'help' }],
  ['？', { type: 'help' }],
  ['HELP', { type: 'help' }],
  ['@连心 帮助', { type: 'help' }],
  // new items
  ['心愿 帮家里老人修水龙头', { type: 'wish', text: '帮家里老人修水龙头' }],
  ['微心愿：想要一块定位手表', { type: 'wish', text: '想要一块定位手表' }],
  ['wish a ride to hospital', { type: 'wish', text: 'a ride to hospital' }],
  ['心愿帮我买菜', { type: 'wish', text: '帮我买菜' }],
  ['反映 3号楼路灯坏了', { type: 'report', text: '3号楼路灯坏了' }],
  ['报事 楼道里堆了垃圾', { type: 'report', text: '楼道里堆了垃圾' }],
  ['问题：小区门口积水', { type: 'report', text: '小区门口积水' }],
  ['report broken lamp', { type: 'report', text: 'broken lamp' }],
  ['@连心机器人   心愿   ＃１２号楼需要轮椅', { type: 'wish', text: '＃１２号楼需要轮椅' }],
  // ids in every spelling
  ['认领 12', { type: 'claim', id: 12 }],
  ['认领12', { type: 'claim', id: 12 }],
  ['认领 #12', { type: 'claim', id: 12 }],
  ['认领 ＃１２', { type: 'claim', id: 12 }],
  ['认领　＃１２', { type: 'claim', id: 12 }],
  ['接单 12号', { type: 'claim', id: 12 }],
  ['claim 12', { type: 'claim', id: 12 }],
  ['Claim #7', { type: 'claim', id: 7 }],
  ['@连心 认领 12', { type: 'claim', id: 12 }],
  ['  认领   12  ', { type: 'claim', id: 12 }],
  // notes
  ['进展 12 已联系，明天上门', { type: 'progress', id: 12, note: '已联系，明天上门' }],
  ['progress #3 bought parts', { type: 'progress', id: 3, note: 'bought parts' }],
  ['完成 12 已修好', { type: 'done', id: 12, note: '已修好' }],
  ['办结 ＃１２', { type: 'done', id: 12, note: '' }],
  ['done 5 fixed', { type: 'done', id: 5, note: 'fixed' }],
  ['放弃 12 临时出差', { type: 'release', id: 12, reason: '临时出差' }],
  ['release 12', { type: 'release', id: 12, reason: '' }],
  // confirm and ratings
  ['确认 12', { type: 'confirm', id: 12, rating: null, comment: '' }],
  ['确认 12 5', { type: 'confirm', id: 12, rating: 5, comment: '' }],
  ['确认 12 5 谢谢小李', { type: 'confirm', id: 12, rating: 5, comment: '谢谢小李' }],
  ['确认 ＃１２ ５分 很好', { type: 'confirm', id: 12, rating: 5, comment: '很好' }],
  ['评价 12 ★★★★', { type: 'confirm', id: 12, rating: 4, comment: '' }],
  ['confirm 12 3 ok', { type: 'confirm', id: 12, rating: 3, comment: 'ok' }],
  ['确认 12 谢谢', { type: 'confirm', id: 12, rating: null, comment: '谢谢' }],
  ['确认 12 8', { type: 'invalid', command: 'confirm', problem: 'bad_rating' }],
  ['确认 12 0', { type: 'invalid', command: 'confirm', problem: 'bad_rating' }],
  // submitter commands
  ['不满意 12 水龙头还在漏', { type: 'dispute', id: 12, reason: '水龙头还在漏' }],
  ['重办 12', { type: 'dispute', id: 12, reason: '' }],
  ['dispute 12 still broken', { type: 'dispute', id: 12, reason: 'still broken' }],
  ['撤回 12', { type: 'withdraw', id: 12, reason: '' }],
  ['withdraw #12', { type: 'withdraw', id: 12, reason: '' }],
  ['附议 12', { type: 'support', id: 12 }],
  ['+1 12', { type: 'support', id: 12 }],
  ['＋１ ＃１２', { type: 'support', id: 12 }],
  ['same 12', { type: 'support', id: 12 }],
  ['查询 12', { type: 'status', id: 12 }],
  ['status #12', { type: 'status', id: 12 }],
  ['我的', { type: 'mine' }],
  ['mine', { type: 'mine' }],
  ['待认领', { type: 'list' }],
  ['列表', { type: 'list' }],
  ['list', { type: 'list' }],
  ['报到 ab12cd34', { type: 'join', code: 'AB12CD34' }],
  ['join XYZW2345', { type: 'join', code: 'XYZW2345' }],
  // officials
  ['指派 12 @张三', { type: 'assign', id: 12, target: { kind: 'person', name: '张三' } }],
  ['指派 12 ＠张三', { type: 'assign', id: 12, target: { kind: 'person', name: '张三' } }],
  ['指派 12 物业公司', { type: 'assign', id: 12, target: { kind: 'unit', name: '物业公司' } }],
  ['assign 12 @li', { type: 'assign', id: 12, target: { kind: 'person', name: 'li' } }],
  ['驳回 12 不属于本社区事务', { type: 'reject', id: 12, reason: '不属于本社区事务' }],
  ['reject 12 duplicate', { type: 'reject', id: 12, reason: 'duplicate' }],
  ['合并 12 到 8', { type: 'merge', id: 12, into: 8 }],
  ['合并 ＃１２ 到 ＃８', { type: 'merge', id: 12, into: 8 }],
  ['合并 12 8', { type: 'merge', id: 12, into: 8 }],
  ['merge 12 into 8', { type: 'merge', id: 12, into: 8 }],
  ['暂停提醒 12', { type: 'snooze', id: 12, days: 3 }],
  ['暂停提醒 12 5天', { type: 'snooze', id: 12, days: 5 }],
  ['snooze 12 7', { type: 'snooze', id: 12, days: 7 }],
  ['统计', { type: 'stats' }],
  ['stats', { type: 'stats' }],
  // revisit answers
  ['否', { type: 'answer', yes: false, id: null }],
  ['是', { type: 'answer', yes: true, id: null }],
  ['否 12', { type: 'answer', yes: false, id: 12 }],
  // not commands: free text for the dialogue
  ['我的水管坏了', { type: 'text', text: '我的水管坏了' }],
  ['是不是可以帮我看看', { type: 'text', text: '是不是可以帮我看看' }],
  ['helpme please', { type: 'text', text: 'helpme please' }],
  ['家里的灯不亮了', { type: 'text', text: '家里的灯不亮了' }],
  // problems
  ['认领', { type: 'invalid', command: 'claim', problem: 'missing_id' }],
  ['认领 一下', { type: 'invalid', command: 'claim', problem: 'missing_id' }],
  ['进展 12', { type: 'invalid', command: 'progress', problem: 'missing_text' }],
  ['驳回 12', { type: 'invalid', command: 'reject', problem: 'missing_reason' }],
  ['指派 12', { type: 'invalid', command: 'assign', problem: 'missing_target' }],
  ['合并 12', { type: 'invalid', command: 'merge', problem: 'bad_merge' }],
  ['暂停提醒 12 100', { type: 'invalid', command: 'snooze', problem: 'bad_days' }],
  ['报到', { type: 'invalid', command: 'join', problem: 'missing_code' }],
  ['心愿', { type: 'invalid', command: 'wish', problem: 'missing_text' }],
  ['反映', { type: 'invalid', command: 'report', problem: 'missing_text' }],
  // empty
  ['', { type: 'empty' }],
  ['   ', { type: 'empty' }],
  ['@连心', { type: 'empty' }],
  ['@连心 ', { type: 'empty' }],
];

describe('parseCommand', () => {
  it.each(cases)('%j', (input, expected) => {
    expect(parseCommand(input)).toEqual(expected);
  });

  it('keeps the content exactly as written, full-width punctuation included', () => {
    expect(parseCommand('心愿 想要一块定位手表，给走失过的奶奶（８０岁）')).toEqual({
      type: 'wish',
      text: '想要一块定位手表，给走失过的奶奶（８０岁）',
    });
  });

  it('treats a number too large for an item as an unknown item, not a crash', () => {
    expect(parseCommand('认领 99999999999')).toEqual({ type: 'claim', id: 2147483647 });
  });
});
