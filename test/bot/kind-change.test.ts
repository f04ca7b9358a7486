import { describe, expect, it } from 'vitest';
import { kindChange } from '../../src/bot/kind-change.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';

// Issue 12: wish or report put right, by the person who chose wrongly or by an official, and an
// official's correction announced as one ("更正：…").

describe('the kind put right in words', () => {
  it.each([
    ['选错了，应该是问题反映', 'report'],
    ['改为问题反映', 'report'],
    ['改成心愿吧', 'wish'],
    ['不是心愿 是报修', 'report'],
    ['不是反映 是心愿', 'wish'],
    ['刚才按错了 应该选2', 'report'],
    ['选错了 是1', 'wish'],
    ['我说错了，是反映问题', 'report'],
    ['不对 应该是问题反映', 'report'],
    ['应该是问题反映吧', 'report'],
    ['这个其实算心愿', 'wish'],
    ['改个心愿', 'wish'],
  ] as const)('%s → %s', (said, kind) => {
    expect(kindChange(normalizeText(said))).toBe(kind);
  });
  it.each(['门改成朝外开', '电话改成13812345678', '改为2号楼', '灯不对劲', '说错了 不是3号楼是5号楼', '应该是3号楼', '不是心愿 是心愿', '我想许个心愿'])('%s → nothing', (said) => {
    expect(kindChange(normalizeText(said))).toBeNull();
  });
});

describe('an item number with it: the kind command', () => {
  it.each([
    ['3号改为问题反映', 3, 'report'],
    ['3号改成心愿', 3, 'wish'],
    ['类型 3 问题反映', 3, 'report'],
    ['3号不是心愿是报修', 3, 'report'],
    ['3号应该是问题反映', 3, 'report'],
  ] as const)('%s', (said, id, kind) => {
    expect(parseCommand(said)).toEqual({ type: 'kind', id, kind });
  });
  it('类型 with no kind after it says what to write; 类型不对 is a sentence; 3号改2天 is not a kind', () => {
    expect(parseCommand('类型 3 哈哈')).toEqual({ type: 'invalid', command: 'kind', problem: 'bad_kind' });
    expect(parseCommand('类型不对').type).toBe('text');
    expect(parseCommand('3号改2天').type).not.toBe('kind');
  });
});

describe('an official correcting a setting', () => {
  it('"更正：2号分类应为基础设施，请改回，并设为紧急" sets both', () => {
    expect(parseCommands('更正：2号分类应为基础设施，请改回，并设为紧急')).toEqual([
      { type: 'category', id: 2, category: '基础设施' },
      { type: 'priority', id: 2, priority: 'urgent' },
    ]);
  });
  it.each([
    ['更正：2号设为紧急', { type: 'priority', id: 2, priority: 'urgent' }],
    ['@连心 更正：2号设为紧急', { type: 'priority', id: 2, priority: 'urgent' }],
    ['更正一下 2号是基础设施', { type: 'category', id: 2, category: '基础设施' }],
    ['2号分类应为基础设施', { type: 'category', id: 2, category: '基础设施' }],
    ['3号应该是治安安全', { type: 'category', id: 3, category: '治安安全' }],
    ['说错了，是5号完成了', { type: 'done', id: 5, note: '' }],
  ])('%s', (said, cmd) => {
    expect(parseCommand(said)).toEqual(cmd);
  });
  it('a correction that is no command keeps its words ("说错了，不是漏水是渗水")', () => {
    expect(parseCommand('说错了，不是漏水是渗水')).toEqual({ type: 'text', text: '说错了，不是漏水是渗水' });
  });
});
