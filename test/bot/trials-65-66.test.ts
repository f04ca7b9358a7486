import { describe, expect, it } from 'vitest';
import { kindAnswer } from '../../src/bot/kind-answer.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import type { OpenPrompt } from '../../src/bot/prompts.ts';
import { verdictsByItem, verdictsInOrder, wordsAbout } from '../../src/bot/verdicts-by-item.ts';

// Issue 12, trials 65 (江淮官话 elders, one by voice input; a carer; a retired soldier and a student
// volunteering; a 网格长 forwarding complaints; a 书记) and 66 (广西/贵州 elders and a 苗族 grandmother
// with her granddaughter; a newcomer; a pharmacist and a rider volunteering; 物业; a 主任).

const official = (text: string) => {
  const plain = officeCommands(text);
  return parseCommands(plain) ?? parseCommand(plain);
};

describe('an order it cannot read is said back only when it is one', () => {
  it.each([
    ['12号跟5号说的是同一个垃圾桶，合并一下', { type: 'merge', id: 12, into: 5 }],
    ['17号把养鸡和围墙搅一起了，17号内容改为：9栋楼下有人养鸡，凌晨四点打鸣扰民', [{ type: 'content', id: 17, text: '9栋楼下有人养鸡，凌晨四点打鸣扰民' }]],
    ['3号交给周网格。收到。明日0900到位。', [{ type: 'assign', id: 3, target: { kind: 'unit', name: '周网格' } }]],
  ])('%s', (text, command) => expect(official(text)).toEqual(command));
  it('"13号14号说的是同一个井盖 合并": the later into the earlier', () => {
    expect(official('13号14号说的是同一个井盖 合并 然后交物业公司 两个工作日内修好')).toContainEqual({ type: 'merge', id: 14, into: 13 });
  });
});

describe("an official's words for the office, in other forms", () => {
  it.each([
    ['7号车库那个现在谁在办 到哪一步了', { type: 'status', id: 7 }],
    ['9号东门乱停车的，让物业配合，交给孙网格长牵头，一周内', [{ type: 'assign', id: 9, target: { kind: 'unit', name: '孙网格长' } }, { type: 'deadline', id: 9, workingDays: 5 }]],
    ['9号我刚才是说交给孙网格长本人，不是什么牵头单位，改一下', { type: 'assign', id: 9, target: { kind: 'unit', name: '孙网格长' } }],
    ['6号楼道灯跟物业说一下，孙网格长跟进，普通优先级，5个工作日', [{ type: 'assign', id: 6, target: { kind: 'unit', name: '孙网格长' } }, { type: 'deadline', id: 6, workingDays: 5 }]],
  ])('%s', (text, command) => expect(official(text)).toEqual(command));
});

describe('answers to "这是哪一类？"', () => {
  it.each([
    ['是我屋里的电视 不是公家的', 'wish'],
    ['公家的嘛 电线又不是我屋里的', 'report'],
    ['整栋楼都冇电 不是我一家', 'report'],
  ])('%s', (text, kind) => expect(kindAnswer(normalizeText(text))).toBe(kind));
});

describe('verdicts for two items in one message', () => {
  const prompt = (id: number, itemId: number, kind: OpenPrompt['kind'], text: string): OpenPrompt => ({ id, kind, itemId, askedAt: new Date(), partial: null, item: { text } as OpenPrompt['item'] });
  const light = prompt(1, 2, 'confirm', '12栋三楼楼道灯不亮');
  const rubbish = prompt(2, 3, 'confirm', '12栋门口垃圾桶满了没人清');
  it('"垃圾的满意 灯的话三楼那盏还是不亮 按了没反应": each clause to the item it names', () => {
    expect(verdictsByItem([rubbish, light], '垃圾的满意 灯的话三楼那盏还是不亮 按了没反应')?.map((v) => [v.prompt.itemId, v.words])).toEqual([
      [3, '垃圾的满意'],
      [2, '灯的话三楼那盏还是不亮 按了没反应'],
    ]);
  });
  it('one matter is no split', () => expect(verdictsByItem([rubbish, light], '都满意 谢谢')).toBeNull());
  it('"台是有了 可是贵州台还是冇得" is about the television, asked before the rice', () => {
    const rice = prompt(3, 13, 'revisit', '想请人帮我扛一袋米上楼');
    const tv = prompt(4, 19, 'confirm', '我屋头电视机咋个冇得台了 全是雪花点');
    expect(verdictsInOrder([rice, tv], '台是有了 可是贵州台还是冇得 我要看贵州台的嘛').map((p) => p.itemId)).toEqual([19, 13]);
  });
  it('of a message about two items, the words about this one', () => {
    expect(wordsAbout(rubbish, '灯的话三楼那盏还是不亮 按了没反应 垃圾的满意', [rubbish, light])).toBe('垃圾的满意');
    expect(wordsAbout(rubbish, '垃圾桶清了 挺好', [rubbish, light])).toBe('垃圾桶清了 挺好');
  });
});
