import { describe, expect, it } from 'vitest';
import { maskForGroup } from '../../src/core/mask.ts';

// Trial 62: a nurse filed a wish for "独居老人郑伯，82岁，2型糖尿病、高血压", and the group read his
// illnesses. Health is sensitive personal information: a group sees that help is needed, not why.
describe('health conditions in what a group sees', () => {
  it.each([
    ['独居老人郑伯，82岁，2型糖尿病、高血压，行动不便', '独居老人郑伯，82岁，（病情略），行动不便'],
    ['我老伴中风以后下不了楼', '我老伴（病情略）以后下不了楼'],
    ['她有老年痴呆 走丢了', '她有（病情略） 走丢了'],
    // Trials 71–72: a medicine names the illness it treats ("降压药": high blood pressure).
    ['帮我买降压药', '帮我买（药名略）'],
    ['我的降压药冇得了 平时吃的是硝苯地平缓释片', '我的（药名略）冇得了 平时吃的是（药名略）'],
    ['胰岛素针头用完了', '（药名略）针头用完了'],
  ])('%s', (text, shown) => expect(maskForGroup(text)).toBe(shown));

  it.each(['帮我买感冒药', '想请人陪我去医院复查', '楼道灯坏了'])('%s is left as it is', (text) => expect(maskForGroup(text)).toBe(text));
});
