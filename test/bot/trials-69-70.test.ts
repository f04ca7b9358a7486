import { describe, expect, it } from 'vitest';
import { clearKind } from '../../src/bot/clear-kind.ts';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { officeCommands } from '../../src/bot/office-style.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { understandReply } from '../../src/bot/understand-reply.ts';

// Issue 12, trials 69 (武汉话 elders, one typing pinyin; a husband caring for his wife; a nurse and a
// student volunteering; a 网格员 chasing; a 主任) and 70 (潮汕/海南 elders; young parents; a retired
// electrician and a restaurant owner volunteering; 物业客服; a 书记 in 公文 style).

const said = (text: string) => parseCommands(text) ?? parseCommand(text);
const official = (text: string) => said(officeCommands(text));

describe('no alarm', () => {
  it.each(['我屋里孙伢打游戏 一直喊着火了着火了 吵死个人 哈哈', '@连心 冇得着火 是我孙伢打游戏 你莫瞎报', '满意 煤气味冇得了'])('%s', (text) => expect(detectEmergency(text)).toBeNull());
  it('"厨房煤气味好大" still is one', () => expect(detectEmergency('厨房煤气味好大')?.kinds).toContain('gas'));
});

describe('verdicts in 潮汕 speech', () => {
  it('"…伓满意" (伓 is 不) sends it back', () => {
    expect(understandReply('连心 汝有听着无 六号路灯 光太白 照入阮厝 伓满意', { kind: 'confirm', itemId: 6, itemText: '三栋门口路灯乌乌' })?.kind).toBe('dispute');
  });
});

describe('claims and orders', () => {
  it.each([
    ['2 5 6 我来 下午店里不忙', [{ type: 'claim', id: 2 }, { type: 'claim', id: 5 }, { type: 'claim', id: 6 }]],
    ['我看到9号林伯要买菜，我家就住三栋隔壁，我去吧。另外10号噪音的事我以前做过调解，也可以试试。', [{ type: 'claim', id: 9 }, { type: 'claim', id: 10 }]],
  ])('%s', (text, commands) => expect(official(text)).toEqual(commands));
  it('"2 5星" is still a score', () => expect(said('2 5星')).toMatchObject({ type: 'confirm', id: 2, rating: 5 }));
  it('"…这周内搞定" from the office is a deadline said, not done', () => {
    expect(said('何护士 6号北门垃圾桶又有人反映了 桶烂了要换新的 你跟物业说一下 这周内搞定')).not.toMatchObject({ type: 'done' });
    expect(said('6号 桶换好了 搞定')).toMatchObject({ type: 'done', id: 6 });
  });
  it.each([
    ['16号井盖 优先级紧急 明天之内处理完 让物业小陈牵头', { type: 'assign', id: 16, target: { kind: 'unit', name: '小陈' } }],
    ['现对以下事项作如下安排：一、6号路灯问题涉及公共设施，改由物业小陈负责办理；二、7号期限三天', { type: 'assign', id: 6, target: { kind: 'unit', name: '小陈' } }],
    ['8号那个12栋楼顶水塔 我们查了是顶楼业主自己私装的 不属于公共设施 物业这边没法处理 建议驳回 让他们邻里协商', { type: 'reject', id: 8 }],
  ])('%s', (text, command) => {
    const got = official(text);
    expect(Array.isArray(got) ? got : [got]).toContainEqual(expect.objectContaining(command));
  });
});

describe('found trying the build as a new user', () => {
  it('"我屋头水管子漏水 滴滴答答" (屋头 is 屋里 in 四川话) is a household wish, not asked its kind', () => {
    expect(clearKind(normalizeText('我屋头水管子漏水 滴滴答答 三栋二单元'))).toBe('wish');
  });
});
