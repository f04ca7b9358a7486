import { itemClauses } from './item-clauses.ts';
import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';

// "…都两天内办好", "…都加急", "两个都期限三天": a setting said once, after several items, for each.
const TAIL = /[，,\s]+(?:这?两个|这?几个|俩|以上|上面)?(?:都|全部|全都|一律|统一)(?:要|是|在)?\s*((?:限|期限)?\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,3})(?:个工作日|个?天)(?:之内|以内|内)?(?:办好|办完|完成|处理好|弄好|搞定|办结)?|(?:设为|列为)?(?:加急|紧急)(?:处理)?)[。！!]*$/u;

/**
 * An official's sentence whose last words set something for every item named before it, with that
 * setting said after each item's own clause: "1号给小何，2号给周网格，都两天内办好" →
 * "1号给小何 两天内办好，2号给周网格 两天内办好". Other text as it was.
 */
export function eachGetsTheTail(text: string): string {
  return (text.match(/[^。；;!！？?\n]*(?:[。；;!！？?\n]+|$)/gu) ?? []).filter((s) => s !== '').map(ofSentence).join('');
}

function ofSentence(sentence: string): string {
  const end = /[。；;!！？?\n]*$/u.exec(sentence)![0];
  const body = sentence.slice(0, sentence.length - end.length);
  const tail = TAIL.exec(body);
  if (!tail) return sentence;
  const before = body.slice(0, tail.index);
  const clauses = itemClauses(before);
  const marked = (c: string) => itemIdsIn(normalizeText(c)).some((m) => /[号#]/u.test(normalizeText(c).slice(m.index, m.index + m.length)));
  if (clauses.length < 2 || !clauses.every(marked)) return sentence;
  return clauses.map((c) => c.replace(/([，,\s]*)$/u, ` ${tail[1]}$1`)).join('') + end;
}
