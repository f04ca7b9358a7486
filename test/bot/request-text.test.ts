import { describe, expect, it } from 'vitest';
import { requestText } from '../../src/bot/request-text.ts';

// Trials 25 and 26: item titles began with chat ("回来，下午到。哎对了，…", "社区的同志你好，…",
// "一哈 4栋后头…"); the ledger keeps the request's own words.
describe('requestText', () => {
  it.each([
    ['回来，下午到。哎对了，我想跟社区说个事啊，我们12栋2单元这楼道的灯坏了快一个礼拜了', '我们12栋2单元这楼道的灯坏了快一个礼拜了'],
    ['社区的同志你好，我是红星社区4栋的老钱，想请人帮忙修下收音机', '我是红星社区4栋的老钱，想请人帮忙修下收音机'],
    ['小连你好，我家水管漏了', '我家水管漏了'],
    ['早上好 楼下垃圾桶满了', '楼下垃圾桶满了'],
    ['一哈 4栋后头的阴沟堵了', '4栋后头的阴沟堵了'],
  ])('%j → %j', (text, kept) => expect(requestText(text)).toBe(kept));

  it.each(['楼道灯坏了', '身体不好，想请人帮忙买菜', '你好', '好大的烟 快来人', '下水道堵了', '一下雨车库就进水'])('%j stays whole', (text) =>
    expect(requestText(text)).toBe(text),
  );
});
