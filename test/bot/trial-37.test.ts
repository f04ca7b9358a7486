import { describe, expect, it } from 'vitest';
import { guessIntent } from '../../src/bot/guess-intent.ts';
import { kindAnswer } from '../../src/bot/kind-answer.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { parseCommand } from '../../src/bot/parse-command.ts';
import { parseCommands } from '../../src/bot/parse-commands.ts';
import { rerateOf } from '../../src/bot/rerate-reply.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';

// Issue 12, trial 37 (Shaanxi/Gansu/Henan speech, formal office writing): what it meant.

describe('额 for 我, 咧 for 了, 克 for 去', () => {
  it.each([
    ['3号额来，王奶奶家离额近', '3号我来,王奶奶家离我近'],
    ['4号额离得近 额马上过克看看', '4号我离得近 我马上过去看看'],
    ['13号完成咧', '13号完成了'],
    ['金额不对', '金额不对'],
    ['额头摔破了', '额头摔破了'],
    ['克服困难', '克服困难'],
    ['大大咧咧', '大大咧咧'],
  ])('%s → %s', (text, read) => {
    expect(normalizeText(text)).toBe(read);
    expect(normalizeText(text)).toHaveLength(text.length);
  });
  it.each(['额来', '额离得近 额马上过克看看'])('%s → claim', (text) => {
    expect(talkAbout(text).kind).toBe('claim');
  });
  it('"完成咧" is done; "额屋里的事" is a wish; "额手上现在还有几个活没弄完" is 我的', () => {
    expect(talkAbout('完成咧').kind).toBe('done');
    expect(kindAnswer(normalizeText('额屋里的事'))).toBe('wish');
    expect(guessIntent('额手上现在还有几个活没弄完')).toEqual({ type: 'mine' });
    expect(guessIntent('额的事都办完了没')).toEqual({ type: 'mine' });
  });
});

describe('formal office writing', () => {
  it('"请列出本社区目前尚未办结的事项…" asks for 在办 (it closed an item)', () => {
    expect(guessIntent('请列出本社区目前尚未办结的事项，注明责任人及办理期限。')).toEqual({ type: 'working' });
    expect(talkAbout('尚未办结').kind).not.toBe('done');
  });
  it('"请物业公司于12月5日前修复完毕" is an instruction, not done', () => {
    expect(talkAbout('所涉路灯闪烁问题，请物业公司于12月5日前修复完毕。').kind).not.toBe('done');
  });
  it('"请即设为紧急" and "现将该事项设定为紧急" beside other settings', () => {
    expect(parseCommands('18号事项中下水道井盖缺失存在安全隐患，请即设为紧急，期限一个工作日，交由物业公司立即设置围挡并补装井盖。')).toEqual(
      expect.arrayContaining([{ type: 'priority', id: 18, priority: 'urgent' }, { type: 'deadline', id: 18, workingDays: 1 }]),
    );
    expect(parseCommands('2号，现将该事项设定为紧急，办理期限为三个工作日，交由物业公司负责维修')).toEqual(
      expect.arrayContaining([{ type: 'priority', id: 2, priority: 'urgent' }]),
    );
  });
  it('"7号让高磊先去跟那户人家沟通一下，期限一周" hands it to 高磊', () => {
    expect(parseCommands('7号让高磊先去跟那户人家沟通一下，期限一周')).toEqual(
      expect.arrayContaining([{ type: 'assign', id: 7, target: { kind: 'unit', name: '高磊' } }]),
    );
  });
  it('"1号改成五颗星" is a score, not a category', () => {
    expect(parseCommand('1号改成五颗星')).toEqual({ type: 'confirm', id: 1, rating: 5, comment: '' });
  });
});

it('"按错咧 给四颗星吧 杨师傅跑了两趟" puts the score right with the words about the work', () => {
  expect(rerateOf('按错咧 给四颗星吧 杨师傅跑了两趟')).toEqual({ rating: 4, comment: '杨师傅跑了两趟' });
});
