import { describe, expect, it } from 'vitest';
import { planBesideClaim } from '../../src/bot/plan-beside-claim.ts';

// Issue 12's remaining list: "a claim with a plan for the resident keeps only the claim". The plan
// (a time, a visit, a call) is what the resident waits to hear; a bare claim says nothing more.
describe('the plan said beside a claim', () => {
  it.each([
    ['3号我来 明天上午九点过去接您', '明天上午九点过去接您'],
    ['我来认领2号，下午带扳手过去看看', '下午带扳手过去看看'],
    ['12号我接了 晚上下班给您打电话', '晚上下班给您打电话'],
    ['收到！认领3号！马上出发！', '马上出发'],
    ['#4 归我 周六上午去陪您买菜', '周六上午去陪您买菜'],
    ['5号我来明天去', '明天去'],
    ['认领 ８ 礼拜三早上七点半楼下等您', '礼拜三早上七点半楼下等您'],
  ])('%j → %j', (text, plan) => {
    expect(planBesideClaim(text)).toBe(plan);
  });

  it.each(['认领 5', '认领5 谢谢', '认领 7号 我就住隔壁', '认领十二 看看能不能帮上', '我来认领12号', '12号我来'])(
    '%j says nothing more than the claim',
    (text) => {
      expect(planBesideClaim(text)).toBe('');
    },
  );
});
