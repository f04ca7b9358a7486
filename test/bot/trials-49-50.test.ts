import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { talkAbout } from '../../src/bot/talk-about.ts';

// Issue 12, trials 49 (东北 residents, a 楼长 speaking for neighbours, a student volunteer) and 50
// (西南 residents, a grandson typing for his grandmother, 物业's manager as a member, a rider).

describe('done, and not yet done, in a volunteer\'s words', () => {
  it.each([
    ['6号这回真通了 倒了两桶水都下去了', 'done'],
    ['2号电视已经帮韦奶奶搬下来了 钱给奶奶了', 'done'],
    ['12号教完了 阿姨已经跟她姑娘视频上了', 'done'],
    ['6号 晚上收工再去 带个长的疏通器', 'news'],
  ])('%s → %s', (text, kind) => expect(talkAbout(text).kind).toBe(kind));
});

describe('worries and reasons are no alarms', () => {
  it.each([
    '楼上402家白天没人 敲门也没人开 水还往下嘀嗒呢 4号那事跟高师傅说一声',
    '俺家老头腿脚不好 下礼拜二得上中医院拿药 想找个人陪着去 俺一个人扶不动他',
    '小区健身器材那个漫步机螺丝松了 一踩直晃悠 别把老人摔了',
  ])('%s', (text) => expect(detectEmergency(text)).toBeNull());

  it.each(['我爸摔了 起不来了', '独居老人敲门没人开 好几天没见了', '我妈摔地上了 我一个人扶不动她 快来人帮忙'])('%s is still an emergency', (text) => {
    expect(detectEmergency(text)?.kind).toBe('injury');
  });
});
