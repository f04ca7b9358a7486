import { describe, expect, it } from 'vitest';
import { extractPlace } from '../../src/bot/extract-place.ts';
import { filedFor } from '../../src/bot/filed-for.ts';

// Issue 12: an official registering a request for a resident who phoned the office (or a neighbour
// speaking for an elder without WeChat) registers it for that resident, not for themselves.
describe('filedFor: whom a request is told for', () => {
  it.each([
    ['王奶奶打电话来说想找人帮忙买袋米', '王奶奶'],
    ['刚才何伯打电话来，说屋里水龙头漏水', '何伯'],
    ['3号楼的李大爷刚才来电 家里灯不亮', '李大爷'],
    ['帮3号楼王奶奶登记一个心愿：想找人陪她去医院', '王奶奶'],
    ['替隔壁李大爷报一下 他家水管漏了', '李大爷'],
    ['请帮5栋2单元301的刘奶奶登记：想有人陪聊天', '刘奶奶'],
    ['给张阿姨申请个心愿 想要个轮椅', '张阿姨'],
    ['帮王大爷报修 厨房水管', '王大爷'],
    ['居民张秀英反映楼道灯坏了', '张秀英'],
    ['住户李大爷说家里下水道堵了', '李大爷'],
    ['老周来社区说车棚顶漏雨', '老周'],
    ['独居的孙婆婆上午到社区来 说想请人帮忙剪指甲', '孙婆婆'],
    // trial 77
    ['张大爷刚打电话来 说他家厨房灯泡坏了 他够不着 怕摔 住3号楼1单元101 电话13700001111 让孙老师去一趟', '张大爷'],
    ['刚才居民钱阿婆来社区反映，她独居，家住10栋1单元602，卫生间灯泡坏了自己换不了', '钱阿婆'],
    // trial 78
    ['再替12栋的吴爷爷登记一个心愿：吴爷爷行动不便，希望志愿者每周六上午帮其代买一次蔬菜，住12栋2单元301。', '吴爷爷'],
    ['刚才居民钱阿婆又来社区反映：10栋楼下绿化带被人开垦种菜，影响周边居民。', '钱阿婆'],
  ])('%s → %s', (text, who) => {
    expect(filedFor(text)).toBe(who);
  });

  it.each([
    '我妈打电话来说家里停电了',
    '帮我报一下 楼道灯坏了',
    '王奶奶说的对',
    '帮忙登记一下',
    '帮他报一下',
    '心愿 想找人帮忙买米',
    '反映 3号楼楼道灯坏了',
    '张阿姨家的猫又跑出来了',
  ])('%s: told for oneself (or for nobody named)', (text) => {
    expect(filedFor(text)).toBeNull();
  });
});

describe('her address, said twice', () => {
  it('"帮7号楼的孙奶奶登记… 住7号楼2单元301": the whole one', () =>
    expect(extractPlace('帮7号楼的孙奶奶登记一个心愿：想找人陪她去银行取养老金 住7号楼2单元301 电话13611112222', { addressOnly: true })).toBe('7号楼2单元301'));
});
