import type { Command } from './command-types.ts';

// "不是的，这不是3号的事，是一个新的心愿：下周三…想请一位志愿者陪同，请帮我登记。": the new matter
// itself, after the words that set it apart from an item. Pure.
const FRESH = /^[\s\S]{0,24}?(?:是|这是)(?:一个|个|一件|件)?新的?(心愿|微心愿|问题|反映)[\s:：，,。]*([\s\S]{4,})$/u;
const REGISTER = /[\s,，。]*(?:请|麻烦)?(?:您|你)?(?:帮我|给我)?(?:登记|记)(?:一下|下来|上)?(?:吧|哈)?[。.!！]*$/u;

/** A wish or report told after "是一个新的心愿：", or null. */
export function freshMatter(rest: string): Extract<Command, { type: 'wish' | 'report' }> | null {
  const m = FRESH.exec(rest.trim());
  if (!m) return null;
  const text = m[2]!.replace(REGISTER, '').trim();
  if ([...text].length < 4) return null;
  return /心愿/u.test(m[1]!) ? { type: 'wish', text } : { type: 'report', text };
}
