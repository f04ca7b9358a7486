import { describe, expect, it } from 'vitest';
import { maskContact, maskForGroup, maskName, maskSensitive } from '../../src/core/mask.ts';

describe('what a group may see of a resident', () => {
  it.each([
    ['王秀英', '王*'],
    ['欧阳娜娜', '欧*'],
    ['Li', 'L*'],
    ['', '居民'],
  ])('name %s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it('maskContact is maskSensitive (the name callers use)', () => {
    expect(maskContact).toBe(maskSensitive);
  });
});

// [what a resident wrote, what a group may see]
const MASKED: Array<[string, string]> = [
  // Mobiles, however they are written.
  ['电话13812345678，急', '电话138****5678，急'],
  ['打 138 1234 5678', '打 138****5678'],
  ['138-1234-5678', '138****5678'],
  ['138.1234.5678', '138****5678'],
  ['138 - 1234 - 5678', '138****5678'],
  ['1381234 5678', '138****5678'],
  ['+86 138 1234 5678', '+86 138****5678'],
  ['+8613812345678', '+86138****5678'],
  ['+86-138-1234-5678', '+86-138****5678'],
  ['0086 13812345678', '0086 138****5678'],
  ['(+86)13812345678', '(+86)138****5678'],
  ['（+86）138 1234 5678', '（+86）138****5678'],
  ['１３８１２３４５６７８', '138****5678'],
  ['电话：１３８－１２３４－５６７８', '电话：138****5678'],
  ['1 3 8 1 2 3 4 5 6 7 8', '138****5678'],
  ['手机 1 3 9 8 7 6 5 4 3 2 1 谢谢', '手机 139****4321 谢谢'],
  ['tel:19912345678', 'tel:199****5678'],
  ['联系人电话13812345678或15987654321', '联系人电话138****5678或159****4321'],
  ['13812345678 15987654321', '138****5678 159****4321'],
  ['电话13812345678 2单元', '电话138****5678 2单元'],
  ['找张阿姨13812345678。', '找张阿姨138****5678。'],
  // Landlines, with and without area code and extension.
  ['座机 010-62345678', '座机 010-****678'],
  ['座机01062345678', '座机010-****678'],
  ['(010)62345678', '(010)****678'],
  ['（0755）8888 6666', '（0755）****666'],
  ['0755-88886666转8001', '0755-****666转8001'],
  ['021 6234 5678-123', '021 ****678-123'],
  ['0571-8765432', '0571-****432'],
  ['家里电话 62345678', '家里电话 ****678'],
  ['打6234-5678找我', '打****678找我'],
  ['座机 8765432', '座机 ****432'],
  ['+86-10-6234-5678', '+86-10-****678'],
  // ID cards: 18 digits with X, in 6-8-4 groups, 15 digits.
  ['身份证110101199001011234', '身份证11***************4'],
  ['身份证号 11010119900307123X', '身份证号 11***************X'],
  ['11010119900307123x', '11***************X'],
  ['110101 19900307 1234', '11***************4'],
  ['1101 0119 9003 0712 34', '11***************4'],
  ['身份证１１０１０１１９９００３０７１２３４', '身份证11***************4'],
  ['老身份证110101900307123', '老身份证11************3'],
  ['110101 900307 123', '11************3'],
  ['电话13812345678，身份证110101199003071234', '电话138****5678，身份证11***************4'],
  // Bank cards of 16 to 19 digits.
  ['卡号6222021234567890', '卡号6222 **** **** 7890'],
  ['6222 0212 3456 7890 123', '6222 **** **** 0123'],
  ['工资卡 6217 0012 3456 7890', '工资卡 6217 **** **** 7890'],
  ['9558801234567890123', '9558 **** **** 0123'],
  ['622202 1234567890123', '6222 **** **** 0123'],
  // Plates tied to a person.
  ['王秀英的车京A12345挡了路', '王秀英的车京A****5挡了路'],
  ['车主张三 粤B·D12345', '车主张三 粤B·*****5'],
  ['我家车牌沪A 12345', '我家车牌沪A ****5'],
  ['老李的车 苏E12345学', '老李的车 苏E****5学'],
  ['京A12345，电话13812345678', '京A****5，电话138****5678'],
  ['邻居的车粤BD12345一直停在楼道口', '邻居的车粤B*****5一直停在楼道口'],
];

const KEPT: string[] = [
  // Item numbers, dates, times, amounts, rooms, counts.
  '认领 #12',
  '＃１２ 完成了',
  '2024-03-07 14:30 在3号楼',
  '2024年3月7日下午3点',
  '20240307 前修好',
  '2024.3.7',
  '下周一 09:30',
  '补贴200元',
  '共计 12345678 元',
  '¥12345678',
  '面积 23456.78 平方米',
  '3号楼201室，共12户',
  '5号楼2单元301',
  '1201室漏水',
  '编号12345678',
  '第2组 30人 40户',
  // Hotlines and short numbers belong to nobody.
  '燃气抢修 96777，报警 110，急救 120',
  '市民热线 12345',
  '客服 400-810-8888',
  // A plate with no person: a car anyone can see, and the report needs it.
  '京A12345堵了消防通道三天',
  '小区门口粤B·D12345的车又停在盲道上',
  '其他车辆 沪A 12345 乱停',
  // Other long numbers that are none of the above.
  '快递单号 773012345678901',
];

describe('maskSensitive', () => {
  it.each(MASKED)('%s → %s', (text, masked) => {
    expect(maskSensitive(text)).toBe(masked);
  });

  it.each(KEPT)('keeps %s', (text) => {
    expect(maskSensitive(text)).toBe(text);
  });

  it('leaves no digit of a masked mobile middle in the output', () => {
    for (const [text, masked] of MASKED) {
      if (/1381234|13812345678|１３８１２３４/u.test(text)) expect(masked).not.toMatch(/1234/u);
      expect(maskSensitive(text)).not.toMatch(/[0-9０-９]{7,}/u);
    }
  });

  it('has a table of at least 60 writings', () => {
    expect(MASKED.length + KEPT.length).toBeGreaterThanOrEqual(60);
  });
});

describe('maskForGroup (what every group post passes through)', () => {
  it.each([
    // Whole numbers: as maskSensitive.
    ['【新心愿 #12】帮忙修水龙头，电话13812345678，身份证110101199003071234', '【新心愿 #12】帮忙修水龙头，电话138****5678，身份证11***************4'],
    // A number the bot cut short ("…" from short()) is starred whole: its head alone may be a phone.
    ['#12 微心愿「帮忙修水龙头，电话1381234…」', '#12 微心愿「帮忙修水龙头，电话*******…」'],
    ['「身份证110101…」', '「身份证******…」'],
    ['「卡号 6222 0212 34…」', '「卡号 ******* **…」'],
    ['「电话 010-6234…」', '「电话 ***-****…」'],
    // Short runs before a cut, and numbers elsewhere, stay.
    ['「3号楼2单元301…」', '「3号楼2单元301…」'],
    ['认领请发：认领 12', '认领请发：认领 12'],
    ['【周报】11月16日—11月22日 满意度 4.5 分', '【周报】11月16日—11月22日 满意度 4.5 分'],
  ])('%s → %s', (text, masked) => {
    expect(maskForGroup(text)).toBe(masked);
  });

  it('is idempotent: text masked on its way (查询, lists) is not masked again', () => {
    for (const [text, masked] of MASKED) {
      expect(maskForGroup(maskForGroup(text))).toBe(maskForGroup(text));
      expect(maskSensitive(masked)).toBe(masked);
    }
  });
});
