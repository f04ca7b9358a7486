import { inList, type Tx } from '../db/sql.ts';
import type { Actor } from '../domain/actor.ts';
import { DAY } from '../core/clock.ts';
import type { Runnable } from './commands/index.ts';
import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';
import { talkAbout } from './talk-about.ts';
import { aboutAnother, calledBy, named, type ItemRow } from './items-named.ts';
import { THING } from './request-words.ts';
import { sharedWords } from './shares-words.ts';

// Words about an item of someone else's, said in a group or by an official: a neighbour seconding
// what was raised, an official addressing a resident by name.

const SELECT = 'SELECT id, status, community_id, submitter_id, claimant_id, text FROM items';
type Row = ItemRow;

/**
 * "@连心 我家也是 晚上被吵得睡不着 跟周师傅说的一样" in a group: seconding what a neighbour raised
 * there lately — the one open report of the last week in the group's community, or the one of them the
 * words repeat. Null when it is not a second, or not clear which.
 */
export async function secondInGroup(tx: Tx, actor: Actor, text: string, where: { conversationId: string; communityId: number | null }, now: Date): Promise<Runnable | null> {
  const norm = normalizeText(text);
  if (itemIdsIn(norm).length > 0 || talkAbout(text).kind !== 'support') return null;
  // Raised in the group's community this week (the group is one place of it); a group not bound to one, in it.
  const since = new Date(now.getTime() - 7 * DAY);
  const rows = await tx.all<Row>(
    where.communityId !== null
      ? `${SELECT} WHERE community_id = ? AND status IN ('open', 'claimed') AND kind = 'report' AND submitter_id <> ? AND created_at > ? ORDER BY id DESC LIMIT 20`
      : `${SELECT} WHERE source_conversation_id = ? AND status IN ('open', 'claimed') AND kind = 'report' AND submitter_id <> ? AND created_at > ? ORDER BY id DESC LIMIT 20`,
    [where.communityId ?? where.conversationId, actor.id, since],
  );
  // "跟周师傅说的一样": the neighbour named says whose, before any shared word does.
  const called = rows.length > 1 ? await calledBy(tx, rows, norm) : [];
  // "店门口下水道井盖碎了一半 …赶紧来人弄一下" is a matter of its own, not a second of the one 地砖 report.
  const shared = rows.length === 1 ? sharedWords(normalizeText(rows[0]!.text), norm) : 0;
  const thing = THING.exec(norm)?.[0];
  const otherThing = rows.length === 1 && thing !== undefined && !normalizeText(rows[0]!.text).includes(thing);
  const only = rows.length === 1 && !otherThing && (shared > 0 || ([...norm].length <= 14 && !aboutAnother(rows[0]!.text, norm))) ? rows : [];
  const about = rows.length === 1 ? only : called.length === 1 ? called : named(rows, norm);
  return about.length === 1 ? { type: 'support', id: about[0]!.id } : null;
}

// "孙浩同志您好，…", "王阿姨，…": a person called by name at the start.
const CALLED_BY_NAME = /^(?:@\S+\s*)?([\u4e00-\u9fa5]{2,3}?)(?:同志|阿姨|大爷|奶奶|爷爷|师傅|老师|先生|女士|大姐|大哥)?(?:您好|你好)?[，,\s]/u;

/**
 * An official's words to a resident by name ("@连心 孙浩同志您好，燃气公司的师傅已经在路上了…"):
 * passed on about the one item that resident has under way in the official's communities lately.
 */
export async function officialToResident(tx: Tx, actor: Actor, text: string, now: Date): Promise<Runnable | null> {
  const served = [...actor.roles].filter(([, role]) => role === 'official').map(([id]) => id);
  const name = CALLED_BY_NAME.exec(text.trim())?.[1];
  if (served.length === 0 || !name || itemIdsIn(normalizeText(text)).length > 0) return null;
  const rows = await tx.all<{ id: number }>(
    `SELECT i.id FROM items i JOIN people p ON p.id = i.submitter_id
      WHERE p.name = ? AND i.community_id IN ${inList(served.length)} AND i.status IN ('open', 'claimed', 'done') AND i.updated_at > ?
      ORDER BY i.id DESC LIMIT 2`,
    [name, ...served, new Date(now.getTime() - 14 * DAY)],
  );
  return rows.length === 1 ? { type: 'tell', id: rows[0]!.id, note: text.trim().replace(/^@\S+\s*/u, '') } : null;
}

// "跟小王说 药是硝苯地平缓释片", "麻烦跟李阿姨讲一声 我明早九点到": words for the other side of an item.
const TELL_NAMED = /^(?:麻烦|请)?(?:你)?(?:帮我)?(?:跟|和|给|替我跟)([\u4e00-\u9fa5]{1,4}?)(?:同志|老师|师傅)?(?:(?:说|讲)(?!好|过|了|定)|带个话)(?:一下|一声)?[\s,，:：]*(\S[\s\S]*)$/u;

// "帮我带个话给蓝同学：周三几点来", "请问蓝同学周三几点来接阿婆啊": the same, said the other way round.
const TELL_TO = /^(?:麻烦|请)?(?:你)?(?:帮我)?(?:带个话|捎个话|传个话|转告|转达)给?([\u4e00-\u9fa5]{1,4}?)(?:同志|老师|师傅|同学)?[\s,，:：]+(\S[\s\S]*)$/u;
const ASK_NAMED = /^(?:请问|问一下|问下|想问下?)[\s,，]*([\u4e00-\u9fa5]{1,3}?)(?:同志|老师|师傅|同学)[\s,，]*(\S[\s\S]*[?？吗呢啊]|\S[\s\S]*几点[\s\S]*)$/u;
// "刚才讲的九点半的号是回答蓝同学的 你帮我转给他": words for the holder, whoever they are.
// "小陈 你明早来敲门 我把医保卡和药盒子给你": the other side called by name, then told.
const CALLED = /^([小老阿][\u4e00-\u9fa5]|[\u4e00-\u9fa5](?:姐|哥|叔|姨|阿姨|大爷|大妈|奶奶|爷爷|老师|师傅))[啊呀,，\s]+(?=你|您|明天|明早|今天|下午|晚上|周)(\S[\s\S]*)$/u;
const PASS_IT_ON = /(?:你)?帮我(?:转给|转告|告诉)(?:他|她)(?:一下|一声)?(?:吧)?(?=$|[\s,，。])/u;

/** Whether `called` ("小王", "王思远", "志愿者", "李阿姨") can be the person named `name`. */
function calls(called: string, name: string, role: 'holder' | 'submitter'): boolean {
  if (called === name) return true;
  if (role === 'holder' && /^(?:志愿者|党员|办理人|帮忙的)$/u.test(called)) return true;
  // "蓝同学", "蓝": the surname alone, or with 同学 after it.
  if (/^[\u4e00-\u9fa5]$/u.test(called) && name.startsWith(called)) return true;
  if (role === 'submitter' && /^(?:提出人|居民|住户|老人家?)$/u.test(called)) return true;
  // 小王 / 老王 / 王姐 / 李阿姨: a surname and a word of address.
  const surname = /^[小老阿]([\u4e00-\u9fa5])$/u.exec(called)?.[1] ?? /^([\u4e00-\u9fa5])(?:姐|哥|叔|姨|阿姨|大爷|大妈|奶奶|爷爷|老师|师傅)$/u.exec(called)?.[1];
  return surname !== undefined && name.startsWith(surname);
}

/**
 * Words for the other side of an item, its number unsaid: a resident's for the volunteer holding
 * their request, or a volunteer's for the resident whose request they hold. The one item that fits.
 */
export async function tellByName(tx: Tx, actor: Actor, text: string): Promise<Runnable | null> {
  const norm = normalizeText(text).trim();
  const m = TELL_NAMED.exec(norm) ?? TELL_TO.exec(norm) ?? ASK_NAMED.exec(norm) ?? CALLED.exec(norm) ?? PASS_IT_ON.exec(norm);
  if (!m || itemIdsIn(normalizeText(text)).length > 0) return null;
  const called = m[1] ?? '办理人';
  const rows = await tx.all<{ id: number; submitterId: number; claimantId: number | null; submitter: string; holder: string | null }>(
    `SELECT i.id, i.submitter_id, i.claimant_id, s.name AS submitter, h.name AS holder FROM items i
       JOIN people s ON s.id = i.submitter_id LEFT JOIN people h ON h.id = i.claimant_id
      WHERE (i.submitter_id = ? OR i.claimant_id = ?) AND i.status = 'claimed' ORDER BY i.id DESC LIMIT 20`,
    [actor.id, actor.id],
  );
  const fits = rows.filter((r) => (r.submitterId === actor.id ? r.holder !== null && calls(called, r.holder, 'holder') : calls(called, r.submitter, 'submitter')));
  const note = m[2] === undefined ? text.trim() : text.trim().slice(text.trim().length - m[2].length).trim();
  return fits.length === 1 ? { type: 'tell', id: fits[0]!.id, note } : null;
}
