import { describe, expect, it } from 'vitest';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';

// Issue 12, trials 57 (长沙话: an elderly couple on one phone, a deaf resident writing formally, a
// rider and a retired teacher volunteering, a 网格员's shorthand, a 书记 dictating by voice) and 58
// (沪语-speaking elders, a migrant mother, a parcel-station owner and a pharmacist volunteering, 物业
// staff as a member, a 主任 writing terse numbered lists).

const official = (text: string) => {
  const plain = officeCommands(text);
  return parseCommands(plain) ?? parseCommand(plain);
};

describe("an official's lists and settings", () => {
  it.each([
    ['1.11号消防通道优先紧急 2.12号期限两天', [{ type: 'priority', id: 11, priority: 'urgent' }, { type: 'deadline', id: 12, workingDays: 2 }]],
    [
      '1.2号件优先级调紧急 2.期限三天 3.分类改安全隐患',
      [{ type: 'priority', id: 2, priority: 'urgent' }, { type: 'deadline', id: 2, workingDays: 3 }, { type: 'category', id: 2, category: '安全隐患' }],
    ],
    ['13号狗叫的 派给物业小马 期限一周 分类矛盾纠纷不用改', [{ type: 'assign', id: 13, target: { kind: 'unit', name: '物业小马' } }, { type: 'deadline', id: 13, workingDays: 5 }]],
    ['6号噪音的 这周五之前给我结掉', [{ type: 'deadline', id: 6, by: { weekday: 5, weeksAhead: 0 } }]],
  ])('%s', (text, commands) => expect(official(text)).toEqual(commands));
});
