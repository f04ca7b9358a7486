import { describe, expect, it } from 'vitest';
import { detectEmergency } from '../../src/bot/detect-emergency.ts';
import { extractPhone } from '../../src/bot/extract-phone.ts';
import { extractPlace } from '../../src/bot/extract-place.ts';
import { isCancel, isSkip } from '../../src/bot/skip-and-cancel.ts';

describe('isSkip and isCancel', () => {
  const skips = [
    '跳过', '跳过吧', '跳过。', '没有', '没有照片', '没照片', '没有图', '没有照片了谢谢', '照片就不发了', '不用了', '不用',
    '不用了，谢谢', '算了', '算了吧', '不发了', '不拍了', '无', '无。', '暂无', '不需要', '没了', '没有了', '就这些', '不知道',
    '不留电话了', '不方便', '不用拍照', '好的没有', 'skip', 'No', '没有，谢谢', '不要', '省略', '没有，就这样吧', '不想发',
    '照片不想发了', '不用了，谢谢',
  ];
  const cancels = ['取消', '取消吧', '不要了', '不要了，谢谢', '算了不要了', '算了，不反映了', '不报了', 'cancel', '撤销', '不用管了'];
  const content = ['没有人管', '没有路灯', '3号楼', '不亮', '无人清理垃圾', '跳广场舞的太吵', '算了一下有5户', '不用电的时候也跳闸', '好的', '有照片', '没有，但是很脏'];

  it.each(skips)('%j skips', (t) => expect([isSkip(t), isCancel(t)]).toEqual([true, false]));
  it.each(cancels)('%j cancels', (t) => expect([isSkip(t), isCancel(t)]).toEqual([false, true]));
  it.each(content)('%j is content', (t) => expect([isSkip(t), isCancel(t)]).toEqual([false, false]));
});

describe('extractPlace', () => {
  const places: Array<[string, string]> = [
    ['反映 3号楼东门的路灯坏了', '3号楼东门'],
    ['5栋2单元楼道灯不亮', '5栋2单元楼道'],
    ['小区南门有积水', '小区南门'],
    ['幸福路12号门口有个坑', '幸福路12号门口'],
    ['东门岗亭旁边的垃圾桶满了', '东门岗亭旁边'],
    ['2号楼3单元502漏水', '2号楼3单元502'],
    ['地下车库的灯坏了', '地下车库'],
    ['小区门口堆了很多垃圾', '小区门口'],
    ['菜市场旁边有人摆摊', '菜市场旁边'],
    ['5号楼一楼有很大的煤气味', '5号楼一楼'],
    ['在人民路上有个大坑', '人民路上'],
    ['和平街5号院门口停满了车', '和平街5号院门口'],
    ['阳光小区3栋2单元', '阳光小区3栋2单元'],
    ['3号楼下水道堵了', '3号楼'],
    ['A座大厅的灯一直亮着', 'A座大厅'],
    ['8栋楼下有只流浪狗', '8栋楼下'],
    ['北门口的井盖丢了', '北门口'],
    ['１２号楼３单元门口', '１２号楼３单元门口'],
    ['十号楼后面的空地', '十号楼后面的空地'],
    ['我家在6幢302室，水管爆了', '6幢302室'],
    ['篮球场的灯坏了两个', '篮球场'],
    ['健身器材那里有根铁管松了', '健身器材'],
    ['垃圾站好几天没清了', '垃圾站'],
    ['快递柜旁边电动车乱停', '快递柜旁边'],
    ['幼儿园门口早上太堵', '幼儿园门口'],
    ['小区北门外面有人烧东西', '小区北门外面'],
    ['在社区活动中心门口', '社区活动中心门口'],
    ['楼下花坛旁边有个坑', '楼下花坛旁边'],
    ['6号楼与7号楼之间的路', '6号楼'],
    ['三号楼二单元', '三号楼二单元'],
    ['5号楼电梯里有异味', '5号楼电梯里'],
    ['二期3号楼', '二期3号楼'],
  ];
  it.each(places)('%j → %j', (t, place) => expect(extractPlace(t)).toBe(place));

  const none = ['路灯坏了', '家里的水龙头漏水', '楼道里堆了垃圾', '电梯坏了', '3楼的邻居很吵', '12号我来', '过马路太危险', '我家502', '小区里的路灯', '门口有垃圾', '想要一块定位手表', '我住阳光小区'];
  it.each(none)('%j has no place specific enough', (t) => expect(extractPlace(t)).toBeNull());

  it('for a wish, takes only an address', () => {
    expect(extractPlace('帮我去超市买菜', { addressOnly: true })).toBeNull();
    expect(extractPlace('帮我去超市买菜')).toBe('超市');
    expect(extractPlace('我住5栋2单元301，想要个助听器', { addressOnly: true })).toBe('5栋2单元301');
    expect(extractPlace('小区南门', { addressOnly: true })).toBeNull();
  });
});

describe('detectEmergency', () => {
  const numbers = (t: string) => {
    const e = detectEmergency(t);
    return e && { kind: e.kind, call: e.hotlines.map((h) => h.number ?? h.name) };
  };
  const emergencies: Array<[string, string, string[]]> = [
    ['紧急！5号楼一楼有很大的煤气味', 'gas', ['燃气抢修']],
    ['3号楼有煤气味', 'gas', ['燃气抢修']],
    ['楼道里一股燃气味', 'gas', ['燃气抢修']],
    ['厨房漏气了', 'gas', ['燃气抢修']],
    ['天然气泄漏了快来人', 'gas', ['燃气抢修']],
    ['煤气泄漏着火了', 'gas', ['119', '燃气抢修']],
    ['2楼着火了', 'fire', ['119']],
    ['对面楼起火了！', 'fire', ['119']],
    ['楼道里冒烟', 'fire', ['119']],
    ['邻居家一直冒黑烟', 'fire', ['119']],
    ['电动车充电起火了', 'fire', ['119']],
    ['烟感报警器一直在响', 'fire', ['119']],
    ['电线起火了', 'electric', ['119', '95598']],
    ['有个老人摔倒了起不来', 'injury', ['120']],
    ['我老伴晕倒了', 'injury', ['120']],
    ['楼下有人昏倒了', 'injury', ['120']],
    ['小孩从楼梯上摔下来流血了', 'injury', ['120']],
    ['电梯困人了', 'lift', ['119', '电梯维保单位']],
    ['有人被困电梯里', 'lift', ['119', '电梯维保单位']],
    ['5号楼电梯停了，里面有人出不来', 'lift', ['119', '电梯维保单位']],
    ['3号楼漏电', 'electric', ['95598']],
    ['电线冒火花', 'electric', ['95598', '119']],
    ['配电箱冒烟了', 'electric', ['119', '95598']],
    ['有人触电了', 'electric', ['120', '95598']],
    ['楼下有人打架', 'crime', ['110']],
    ['有人正在偷电动车', 'crime', ['110']],
    ['有人拿刀在楼下', 'crime', ['110']],
    ['紧急', 'urgent', []],
    ['十万火急，水管爆了', 'urgent', []],
    ['救命', 'urgent', ['110', '120']],
    ['燃气报警器一直在响', 'gas', ['燃气抢修']],
    ['老人在家摔了，叫不应', 'injury', ['120']],
    ['邻居家窗户冒出黑烟', 'fire', ['119']],
    ['闻到烧焦的味道', 'fire', ['119']],
    ['有人要跳楼', 'urgent', ['110', '120']],
    ['我家老人走丢了', 'missing', ['110']],
    ['孩子找不到了', 'missing', ['110']],
    ['有人在撬我家门', 'crime', ['110']],
  ];
  it.each(emergencies)('%j → %s %j', (t, kind, call) => expect(numbers(t)).toEqual({ kind, call }));

  const calm = [
    '火锅店太吵', '火车站怎么走', '最近上火了', '电梯广告太多', '煤气费怎么交', '燃气费在哪交', '没有煤气味了', '路面结冰容易摔倒',
    '以前经常有人打架', '小区小偷多想装监控', '不紧急，慢慢来', '燃气灶打不着火', '漏电保护器老跳闸', '自行车漏气了', '油烟很大',
    '抽烟的人太多', '电梯卡住了', '去年摔倒过，想要个拐杖', '电梯里有人乱扔垃圾', '不急', '路灯坏了', '想学做火腿', '红红火火过大年',
    '烟花爆竹禁放吗', '心愿 想要一个烟雾报警器吗', '打架子鼓太吵了',
    '想要一块定位手表，给走失过的奶奶', '撬锁换锁服务', '楼道里有人抽烟', '上次有人偷了我的快递',
  ];
  it.each(calm)('%j is no emergency', (t) => expect(detectEmergency(t)).toBeNull());
});

describe('extractPhone', () => {
  const phones: Array<[string, string, string]> = [
    ['13812345678', 'mobile', '13812345678'],
    ['我的电话138 1234 5678', 'mobile', '13812345678'],
    ['138-1234-5678', 'mobile', '13812345678'],
    ['+86 13812345678', 'mobile', '13812345678'],
    ['+86-138-1234-5678', 'mobile', '13812345678'],
    ['0086 13812345678', 'mobile', '13812345678'],
    ['１３８１２３４５６７８', 'mobile', '13812345678'],
    ['１３８－１２３４－５６７８', 'mobile', '13812345678'],
    ['手机号是139 1234 5678谢谢', 'mobile', '13912345678'],
    ['3号楼502，电话13912345678', 'mobile', '13912345678'],
    ['我住502 13812345678', 'mobile', '13812345678'],
    ['打这个 177.1234.5678', 'mobile', '17712345678'],
    ['(0571)8888-8888', 'landline', '0571-88888888'],
    ['（010）62345678', 'landline', '010-62345678'],
    ['010-62345678', 'landline', '010-62345678'],
    ['电话：0571 8888 8888', 'landline', '0571-88888888'],
    ['座机 62345678', 'landline', '62345678'],
  ];
  it.each(phones)('%j → %s %s', (t, kind, number) => expect(extractPhone(t)).toMatchObject({ kind, number }));

  it('tells where the number was written, as typed', () => {
    expect(extractPhone('电话 138 1234 5678，下午在家')).toEqual({ kind: 'mobile', number: '13812345678', index: 3, text: '138 1234 5678' });
  });

  const none = ['身份证110101199001011234', '12345', '3号楼2单元501', '12345678', '12号 我来', '138 1234 567', '共有12户38人', '2024年5月12日'];
  it.each(none)('%j has no phone number', (t) => expect(extractPhone(t)).toBeNull());
});
