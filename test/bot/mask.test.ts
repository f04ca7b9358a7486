import { describe, expect, it } from 'vitest';
import { maskContact, maskName } from '../../src/bot/mask.ts';

describe('what a group may see of a resident', () => {
  it.each([
    ['王秀英', '王*'],
    ['欧阳娜娜', '欧*'],
    ['Li', 'L*'],
    ['', '居民'],
  ])('%s → %s', (name, masked) => expect(maskName(name)).toBe(masked));

  it('masks phone and ID numbers in free text', () => {
    expect(maskContact('电话13812345678，急')).toBe('电话138****5678，急');
    expect(maskContact('打 138 1234 5678')).toBe('打 138****5678');
    expect(maskContact('座机 010-62345678')).toBe('座机 010-****678');
    expect(maskContact('身份证110101199001011234')).toBe('身份证110101********4');
    expect(maskContact('3号楼201室，共12户')).toBe('3号楼201室，共12户');
  });
});
