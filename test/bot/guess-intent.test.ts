import { describe, expect, it } from 'vitest';
import { guessIntent } from '../../src/bot/guess-intent.ts';

// From a seventh trial: what people asked the bot for in other words, and requests that must stay
// requests (a new item), never guessed into a list or help.
describe('guessIntent', () => {
  it.each([
    ['我都提过啥事 帮我看看', 'mine'],
    ['我手上现在都有哪些活', 'mine'],
    ['现在有啥活没人接的 给我看看', 'list'],
    ['我今天有空 有啥需要帮忙的没', 'list'],
    ['现在还有哪些事没人接', 'list'],
    ['所有紧急的事项给我列一下', 'list'],
    ['我是新来的志愿者 这个怎么用啊 都能干啥', 'help'],
    ['我是干部 我能用哪些功能', 'help'],
    ['你会干啥', 'help'],
    ['还有单子吗 我周末有空', 'list'],
    ['超期的有几个', 'stats'],
    ['这周新提上来多少件了？', 'stats'],
    ['我这边还有没办完的活吗', 'mine'],
    ['这个东西是干嘛的', 'help'],
    ['我想登后台看看台账 给我个链接', 'login'],
    ['这礼拜大家一共办了多少件事', 'stats'],
    ['我这个月帮了几个人了', 'mine'],
    ['收到了 谢谢小陈 好人啊', 'thanks'],
    ['学会啦 谢谢小刘 耐心得很', 'thanks'],
    ['你好 这个咋个用嘛', 'help'],
    // Trials 27–28: what one holds, what is under way, asked formally or short.
    ['我手上现在有活吗', 'mine'],
    ['请问本人目前承办的事项中，尚有哪些未办结？', 'mine'],
    ['我报过的在哪看', 'mine'],
    ['现在还有哪些没办完的', 'working'],
    ['我手上的活干完了 还有啥需要帮忙的没', 'list'],
  ])('%j asks for %s', (text, type) => expect(guessIntent(text)).toEqual({ type }));

  it.each([
    ['我不是党员 能不能当志愿者帮帮忙啊 找谁要那个码', 'join'],
    ['我退休了有空 想当志愿者可以吗', 'join'],
    ['我想问一下给帮忙的人打分是在哪里打我上回好像没打上', 'rate'],
    ['评价怎么弄啊', 'rate'],
  ])('%j asks how to %s', (text, topic) => expect(guessIntent(text)).toEqual({ type: 'help', topic }));

  it.each(['谢谢 楼道灯又坏了', '我家水管漏了 帮我看看', '楼道灯坏了', '我想要个老年手机', '帮我买点菜', '我家的数据线坏了', '3号怎么用不了了', '楼下有煤气味 怎么办'])(
    '%j stays a request',
    (text) => expect(guessIntent(text)).toBeNull(),
  );
});
