import type { ItemKind } from '../domain/types.ts';

// Someone putting the kind of their request right: "选错了，应该是问题反映", "改成心愿吧",
// "不是心愿 是报修", "刚才按错了 应该选2". Pure; `said` is normalised.

const WISH = '(?:微心愿|心愿|许愿)';
const REPORT = '(?:问题反映|反映问题|反映|报修|报事|投诉)';
const KIND = `(${WISH}|${REPORT}|[12１２](?![\\d号#.]))`;
// A change said with its verb: "改为问题反映", "换成心愿", "转成报修".
const CHANGE = new RegExp(`(?:改为|改成|改作|换成|换为|变成|转为|转成|改到|改)(?:一个|个|第)?${KIND}(?:类|那类|那个|那一类)?(?:吧|了|啊|呀)?(?=$|[\\s,，。.!！])`, 'u');
// The mistake owned up to, then the right one: "选错了 应该是2", "弄错了 是报修".
const SLIP = /(?:选|按|点|弄|搞|填|写|说|回)错了?|不对/u;
const RIGHT_ONE = new RegExp(`(?:应该|应|其实|本来|原来)?(?:是|选|算|为)(?:一个|个|第)?${KIND}(?:类|那类|那个)?(?:吧|了|啊|呀|的)?(?=$|[\\s,，。.!！])`, 'u');
// "不是心愿 是报修": the wrong one named, then the right one.
const NOT_THIS = new RegExp(`不是(?:个)?(${WISH}|${REPORT})[\\s,，。]*(?:而)?是(?:个)?(${WISH}|${REPORT})`, 'u');

// "应该是问题反映吧", "这个其实算心愿": said as the whole message.
const SHOULD_BE = new RegExp(`^(?:不是|不对)?[\\s,，]*(?:这个|这条|刚才那个|刚才那条)?(?:应该|其实|应当)?(?:是|算|选|归)(?:一个|个|第)?${KIND}(?:类|那类|那个)?(?:吧|了|啊|呀|的)?[\\s。.!！]*$`, 'u');

const kindOf = (word: string): ItemKind => (new RegExp(`^(?:${WISH}|[1１])$`, 'u').test(word) ? 'wish' : 'report');

/** The kind a person says their request should have been, or null. */
export function kindChange(said: string): ItemKind | null {
  const t = said.trim();
  if ([...t].length > 30) return null;
  const not = NOT_THIS.exec(t);
  if (not) return kindOf(not[1]!) === kindOf(not[2]!) ? null : kindOf(not[2]!);
  const changed = CHANGE.exec(t);
  if (changed) return kindOf(changed[1]!);
  const should = SHOULD_BE.exec(t);
  if (should) return kindOf(should[1]!);
  if (SLIP.test(t)) {
    const right = RIGHT_ONE.exec(t.slice(SLIP.exec(t)!.index));
    if (right) return kindOf(right[1]!);
  }
  return null;
}
