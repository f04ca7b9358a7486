import { describe, expect, it } from 'vitest';
import { parseCommands } from '../../src/bot/parse-commands.ts';

// Several items in one message (issue 12): each row is what a volunteer or official typed and the
// commands it holds; null where it is one command (or a number that is no item: a rating, days).
const rows: Array<[string, Array<[string, number, Record<string, unknown>?]> | null]> = [
  ['认领 12 13', [['claim', 12], ['claim', 13]]],
  ['认领12和13', [['claim', 12], ['claim', 13]]],
  ['认领12、13、14号', [['claim', 12], ['claim', 13], ['claim', 14]]],
  ['认领１２，１３', [['claim', 12], ['claim', 13]]],
  ['认领12 认领13', [['claim', 12], ['claim', 13]]],
  ['12号我来 13号也我来', [['claim', 12], ['claim', 13]]],
  ['我来认领12号 顺便把13号也认领了', [['claim', 12], ['claim', 13]]],
  ['认领12，完成13', [['claim', 12], ['done', 13]]],
  ['12号完成了 13号也完成了', [['done', 12], ['done', 13]]],
  ['12号完成了，13号也是', [['done', 12], ['done', 13]]],
  ['12号和13号都办完了', [['done', 12], ['done', 13]]],
  ['#12 搞定 #13 搞定', [['done', 12], ['done', 13]]],
  ['完成 12 修好了；完成 13 送到了', [['done', 12, { note: '修好了' }], ['done', 13, { note: '送到了' }]]],
  ['12号菜已经送到了，13号也完成了 教会了视频通话', [['done', 12, { note: '菜已经送到了' }], ['done', 13, { note: '教会了视频通话' }]]],
  ['确认12号和13号 五星', [['confirm', 12, { rating: 5 }], ['confirm', 13, { rating: 5 }]]],
  ['15 16 都我来', [['claim', 15], ['claim', 16]]],
  ['22 25我都接了', [['claim', 22], ['claim', 25]]],
  ['16号紧急 期限两天', [['deadline', 16, { workingDays: 2 }], ['priority', 16, { priority: 'urgent' }]]],
  ['#4 限物业两个工作日内清完', [['assign', 4, { target: { kind: 'unit', name: '物业' } }], ['deadline', 4, { workingDays: 2 }]]],
  ['11号和12号一起交给物业 限三天', [['assign', 11], ['deadline', 11, { workingDays: 3 }], ['assign', 12], ['deadline', 12, { workingDays: 3 }]]],
  ['16号紧急', null],
  ['认领12 认领12', null],
  ['确认 12 5', null],
  ['暂停提醒 12 3', null],
  ['合并 12 到 8', null],
  ['完成 12 已经修好了，住户很满意', null],
  ['完成 12 和住户约了13号上门', null],
  ['完成12 住户说13号楼也有问题', null],
  ['12号楼和13号楼的路灯都坏了', null],
  ['认领12', null],
];

describe('parseCommands', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = parseCommands(text);
    if (expected === null) return expect(got).toBeNull();
    expect(got?.map((c) => [c.type, c.id])).toEqual(expected.map(([type, id]) => [type, id]));
    expected.forEach(([, , fields], i) => fields && expect(got![i]).toMatchObject(fields));
  });
});
