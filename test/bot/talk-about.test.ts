import { describe, expect, it } from 'vitest';
import { kindAnswer } from '../../src/bot/kind-answer.ts';
import { normalizeText } from '../../src/bot/normalize-text.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';

// Words about an item someone is part of (issue 12, trial 19): what they say of it. Each row was
// misread before: a part done with the rest to come was "done"; a complaint that nobody came was
// "done" because it quotes the bot's 办好了.
const talk: Array<[string, string]> = [
  ['不对啊 水龙头还没修呢 人都还没来 怎么就说办好了', 'dispute'],
  ['王阿姨家水龙头的阀芯买到了 下午过去换', 'news'],
  ['黄阿婆楼上那家我去过了 贴了毛毡垫，再观察两天看看', 'news'],
  ['后轮调正了 链条也换了根新的 应该不会再掉了', 'done'],
  ['还是我 估计是后轮没紧好', 'claim'],
  ['灯修好了 那两根还得换灯头', 'news'],
  ['搬好了，八盆花都搬到楼下花坛了', 'done'],
  ['我上回说西门摆摊那个事 城管来过没有啊', 'status'],
  ['车库道闸那事我也天天被堵 算我一个', 'support'],
  ['今天天气真好', 'news'],
  ['周阿姨家电视好了 就是被孙子按了静音 教会她用遥控器了', 'done'],
  ['张叔 楼道灯整好了 换了俩灯泡一个声控开关 这回贼亮', 'done'],
  ['吴奶奶那几盆花搬下楼晒上了 晚上她孙子回来搬上去 这单算完了哈', 'done'],
  ['我离得近 马上过去', 'claim'],
  ['我下班顺路去弄', 'claim'],
  ['电视还没好', 'dispute'],
];

// Answers to "这是哪一类？" in the words people use (trial 19).
const kinds: Array<[string, 'wish' | 'report']> = [
  ['反应问题', 'report'],
  ['系反映问题 邻里纠纷嚟嘅', 'report'],
  ['1️⃣', 'wish'],
  ['就是请人帮忙的那个', 'wish'],
  ['是我自己家里的', 'wish'],
  ['大家的事', 'report'],
  ['应该算心愿吧', 'wish'],
];

describe('talkAbout', () => {
  it.each(talk)('%s → %s', (text, kind) => expect(talkAbout(text).kind).toBe(kind));
});

describe('kindAnswer', () => {
  it.each(kinds)('%s → %s', (text, kind) => expect(kindAnswer(normalizeText(text).trim())).toBe(kind));
});
