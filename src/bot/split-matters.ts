import { detectEmergency } from './detect-emergency.ts';
import { extractPlace } from './extract-place.ts';
import { THING, TROUBLE, WANTS } from './request-words.ts';

// One message that tells two separate things ("楼道灯坏了，还有三楼垃圾桶满了没人清", "1、路灯不亮
// 2、井盖松了") is two items in the ledger: each has its own handler, deadline and answer. Pure.
// Only where the words plainly join two matters; "灯坏了，还有点闪" is one, and anything urgent stays
// whole (its alert must carry every word).

// A clause that opens another matter: 另外, 还有 (not 还有点/还有些), 再就是, 顺便说一下, 第二.
const OPENER =
  /(?:[，,。；;！!？?\s]+|(?<=了|的|呢|啊))(?:另外(?:还有|就是|再)?|还有(?:就是|一个(?:事|问题)|一件事|个事|件事)?(?![点些])|再(?:有)?就是|再一个(?:事|问题)?(?:是|就是)?|再有(?:就是)?|顺便(?:再)?(?:说|反映|提)(?:一下|个事)?|此外|第二(?:个|件)?(?:事|问题)?(?:是|就是)?|二是)\s*[，,:：]?\s*/gu;
// "1、… 2、…", "1.… 2.…", "一是…二是…": a numbered list.
const NUMBERED = /(?:^|[\s，,。；;：:])\s*(?:[1-9１-９][、.．)）]|[一二三四五]是)\s*/gu;
// Sentences, for two that each name a different thing that is wrong.
const SENTENCE = /[。；;！!\n]+/u;
const MAX_PARTS = 4;

// "帮我买点菜": a wish says what to do for whom.
const ASKS = /没人|帮我|帮(?:忙)?(?:买|修|拿|取|送|看|换|装|搬|挪)/u;
// More of what goes wrong in a building than TROUBLE names: "单元门也关不上了", "地砖翘起来", "堆杂物".
const WRONG = /冇人|烂咗|坏咗|唔(?:得|work)|not working|broken|关不上|打不开|翘|黑了|没人(?:清|管|收|修|弄)|堆|占(?:了|着|用)|杂物|晃|歪|倒了|断了|没水|没电|停了|不热|噪音|扰民|异味|违停|挡(?:着|住)/u;
const isMatter = (part: string): boolean => [...part].length >= 4 && (TROUBLE.test(part) || WRONG.test(part) || WANTS.test(part) || ASKS.test(part));
// "我说两个事啊 一个是…", "俺再说俩事": the words that announce the list, not a matter of their own.
const ANNOUNCED = /^(?:(?:你好|您好|小连)[\s,，]*)?(?:我|俺)?(?:再|还)?(?:想)?(?:说|反映|讲|提|叨叨|唠唠|念叨)?(?:两|俩|三|几)个?(?:事儿?|问题|事情)(?:啊|哈|呀|哦)?[\s,，:：]*(?:一个是|一是|第一(?:个|件)?(?:是)?)?\s*/u;
// The things people report, and more of the common parts of a building that a topic rarely turns on.
const THINGS = new RegExp(`${THING.source}|扶手|楼梯|台阶|窗户|玻璃|单元门|大门|车棚|围墙|墙皮|地砖|树枝?|绿化|草坪|晾衣|信报箱|消防栓|灭火器|水表|电表|道闸|闸锁|闭门器|顶棚|车棚`, 'u');
const thingOf = (part: string): string | null => THINGS.exec(part)?.[0] ?? null;
const thingsOf = (part: string): string[] => [...part.matchAll(new RegExp(THINGS.source, 'gu'))].map((m) => m[0]);

/** The separate matters a request tells, in order; one element when it tells one (or is urgent). */
export function splitMatters(text: string): string[] {
  const whole = text.trim();
  if (detectEmergency(whole)) return [whole];
  // Said to be several: a numbered list is taken as numbered, each part with words enough.
  const announced = ANNOUNCED.test(whole);
  const list = byList(whole);
  if (announced && list.length >= 2 && list.length <= MAX_PARTS && list.every((p) => [...p].length >= 4)) return list;
  const body = announced ? whole.replace(ANNOUNCED, '') : whole;
  // Said to be two: each part needs words enough, not words of trouble ("轴承响得很").
  const matter = announced ? (p: string) => [...p].length >= 4 : isMatter;
  for (const parts of [list, byOpener(body), bySentence(body)]) {
    if (parts.length >= 2 && parts.length <= MAX_PARTS && parts.every(matter)) return parts;
  }
  // "…道闸 keeps not opening 另外 8号楼下的垃圾桶满了好几天了": 另外 between two things named is two.
  const opened = byOpener(body).map((p) => p.replace(/[\s，,]*(?:两|俩)个?事儿?$/u, ''));
  if (opened.length === 2 && opened.every((p) => [...p].length >= 4 && (thingOf(p) !== null || extractPlace(p) !== null))) return opened;
  return [whole];
}

function clean(parts: string[]): string[] {
  return parts.map((p) => p.replace(/^[\s，,。；;：:]+|[\s，,；;：:]+$/gu, '')).filter((p) => p !== '');
}

function byList(text: string): string[] {
  const marks = [...text.matchAll(NUMBERED)];
  // A list starts at its first number and has at least two.
  if (marks.length < 2) return [];
  const lead = text.slice(0, marks[0]!.index).trim();
  const parts = marks.map((m, i) => text.slice(m.index + m[0].length, marks[i + 1]?.index ?? text.length));
  // "反映两个事：1、… 2、…": the words before the list say nothing of their own.
  return clean(lead !== '' && isMatter(lead) ? [lead, ...parts] : parts);
}

function byOpener(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const m of text.matchAll(OPENER)) {
    parts.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  if (parts.length === 0) return [];
  parts.push(text.slice(from));
  const all = clean(parts);
  // Each later part names a thing the earlier ones did not, or a place of its own: "水管漏了，还有墙也
  // 泡坏了" is one matter told on; "车棚顶棚塌了一角 另外车棚那边路灯也不亮" names 路灯 anew.
  const seen = new Set(thingsOf(all[0]!));
  return all.slice(1).every((p) => {
    const fresh = thingsOf(p).some((t) => !seen.has(t));
    for (const t of thingsOf(p)) seen.add(t);
    return fresh || extractPlace(p) !== null;
  })
    ? all
    : [];
}

function bySentence(text: string): string[] {
  const parts = clean(text.split(SENTENCE));
  if (parts.length < 2) return [];
  // Each sentence names its own thing, and no two the same: "电梯又坏了。电梯里还有股味" is one.
  const things = parts.map(thingOf);
  if (things.some((t) => t === null) || new Set(things).size !== things.length) return [];
  return parts;
}
