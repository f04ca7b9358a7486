import { inList, type Tx } from '../db/sql.ts';
import { isMemberOf, isOfficialOf, type Actor } from '../domain/actor.ts';
import { DAY } from '../core/clock.ts';
import type { Runnable } from './commands/index.ts';
import { itemIdsIn } from './item-id.ts';
import { normalizeText } from './normalize-text.ts';
import { REQUEST, WANTS } from './request-words.ts';
import { talkAbout, type Talk } from './talk-about.ts';
import { ASKS_AFTER } from './own-item-asked-after.ts';
import { sharedWords, sharesWords } from './shares-words.ts';
import { aboutAnother, daysIn, holderCalled, named, namedOrCalled, type ItemRow } from './items-named.ts';
import { guessIntent } from './guess-intent.ts';

/** What the words say, for this person: a resident (no role) takes nothing on; "我要去买菜" is news. */
function talkOf(actor: Actor, words: string): Talk {
  const talk = talkAbout(words);
  return talk.kind === 'claim' && actor.roles.size === 0 ? { kind: 'news' } : talk;
}

type Row = ItemRow;

// Without a number, words are taken for the person's own item only while it is fresh news.
const RECENT = 3 * DAY;
// The number starts a clause ("我家里正好有美林 4号我现在给送过去"), or ends the message ("…冲了一遍 3号").
const CLAUSE_START = /(?:^|[\s,，。;；!！:：]|(?:^|[\s,，。])(?:就|还|这|那)?是|^【[^】]{1,10}】|^(?:工作)?(?:汇报|报告|通报|反馈)[:：]?|^(?:收到|好的?|嗯+|行|ok)[～~!！。,，\s]*|^(?:关于|对于)|^(?:好的?|嗯+|行|收到|对)?[\u4e00-\u9fa5]?(?:书记|主任|大爷|阿姨|大姐|大哥|老师|师傅|奶奶|爷爷|叔|婶)|^(?:这|那)?(?:还|就)?是)(?:那|那个|我的?|咱的?|[\u4e00-\u9fa5]{0,3}把)?$/u;
const NEW_ASK = /(?<!带个?话|转告)帮我(?!跟|给|带|转)|帮俺|找(?:个)?人|想(?:要|找|请|让)|能不能|可以帮|心愿|反映/u;
const FOR_THE_HOLDER = /(?:跟|和|给|告诉)[\u4e00-\u9fa5]{1,4}(?:说一声|说下|讲一声|讲下|带个话)|^补充|我住|住在|地址是|在家|不在家|家里(?:有|没)人|上门|几点|下午|上午|晚上|明天|后天|周末|周[一二三四五六日天]|礼拜|要带|带(?:什么|啥|身份证|医保卡|户口本)|费用|多少钱/u;
// Something done or under way: news of an item, not talk beside it.
const ACTION = /修|换|送|弄|清|装|配|联系|到了|去了|来了|看过|看了|查了|问了|处理|买|拿|搬|约|上门|打了|通了|好了|完了|办|松了|坏了|等/u;
const SELECT = 'SELECT id, status, community_id, submitter_id, claimant_id, text FROM items';
const HOLDER_ASKS = /[?？]|住哪|哪(?:栋|个单元|一户|天方便)|几号楼|几栋|门牌|没写(?:地方|地址)|几(?:点|号楼|楼|单元)方便|什么时候方便|方便吗|在家吗|电话多少/u;
// Words that object to a rejection ("社区就不能出面协调一下吗", "凭什么不受理").
const OBJECTS = /出面|出个面|社区打|不比我|算谁的|协调|凭什么|为什么不|怎么不|不受理|驳回|不归|12345|没(?:啥|什么)?用/u;

/**
 * What someone means by plain words about an item they are part of: its holder telling how it
 * goes ("17号 电工说是线路老化，明天带材料来换"), a volunteer taking an open one ("十五号井盖我也去
 * 看看"), its submitter rating, disputing, withdrawing or asking after it ("挺好的 给四颗星吧"),
 * a neighbour seconding it, an official raising it ("9号电梯 加急"). The item is the one number in
 * the words; without a number (`numberless`), the one item of theirs the words can be about. Null
 * when the words are not plainly about one item of theirs: then they may be a new request.
 */
const NOT_ABOUT_IT = /不是(?:给|跟|对|和)[^，。,]{0,6}说的|(?:是|这是)(?:个|一个)?新的?(?:问题|事)|不是(?:回|答)(?:复|他|她|你)/u;

export async function itemTalk(tx: Tx, actor: Actor, text: string, now: Date, numberless: boolean | 'held'): Promise<Runnable | null> {
  const norm = normalizeText(text);
  // "不是给小王说的 是新的问题 楼道消防通道堵了": said not to be about what they have under way.
  if (NOT_ABOUT_IT.test(norm)) return null;
  // "13号昨晚去701坐了会": beside an item's number, a bare number of three digits or more is a room.
  const ids = itemIdsIn(norm);
  const marked = (m: { index: number; length: number }) => /[号#]/u.test(norm.slice(m.index, m.index + m.length));
  const found = ids.some(marked) ? ids.filter((m) => marked(m) || m.length < 3) : ids;
  // "2号楼道灯我认了", "5号楼道杂物清走了": N号 before 楼… is item N when item N is about that 楼….
  const building = found.length === 0 ? /^(?:@\S+\s*)?(\d{1,6})号(楼[\u4e00-\u9fa5]{1,4})/u.exec(norm) : null;
  if (building) {
    const row = await tx.get<Row>(`${SELECT} WHERE id = ?`, [Number(building[1])]);
    const about = building[2]!;
    const named = [4, 3, 2].some((n) => about.length >= n && normalizeText(row?.text ?? '').includes(about.slice(0, n)));
    if (row && named && (row.submitterId === actor.id || row.claimantId === actor.id || isMemberOf(actor, row.communityId))) {
      found.push({ id: row.id, index: norm.indexOf(`${building[1]}号`, building.index), length: building[1]!.length + 1 });
    }
  }
  if (new Set(found.map((m) => m.id)).size > 1) return null;
  const at = found[0];
  if (at) {
    const before = norm.slice(0, at.index);
    const after = text.slice(at.index + at.length).replace(/^[\s,，。:：的]+/u, '').trim();
    const last = after === '' && /[\s,，。;；!！]$/u.test(before);
    // "12号那天我去医院了": a day of the month, not item 12.
    if (/^(?:那天|当天|那会儿?|上午|下午|晚上|早上|中午)/u.test(after) && !norm.slice(at.index, at.index + at.length).includes('#')) return null;
    const row = await tx.get<Row>(`${SELECT} WHERE id = ?`, [at.id]);
    if (!row) return null;
    // "就跟陈姐刚才报的16号一样 算我一个", "周师傅说的20号那个电缆的事…算我家一户": a second, wherever the number stands.
    const seconding = talkAbout(text).kind === 'support' || (/(?:跟|和|同)[^，。,]{0,10}$/u.test(before) && /^(?:的)?(?:一样|同样|是一个事|一回事)/u.test(after));
    if (seconding && !(row.submitterId === actor.id)) return decide(row, actor, { kind: 'support' }, text.trim(), true);
    // "南门垃圾桶3号我下班顺路去弄": what it is, then its number, without a stop between.
    if (!last && !CLAUSE_START.test(before) && !sharesWords(normalizeText(row.text), before)) return null;
    const head = text.slice(0, at.index).replace(/[\s,，。;；!！]+$/u, '').trim();
    const words = after || head;
    if (words === '') return null;
    const talk = talkOf(actor, words);
    // The holder's news keeps what they said before the number too.
    return decide(row, actor, talk.kind === 'news' && head ? talkOf(actor, text) : talk, after && head ? `${head} ${after}` : words, true);
  }
  if (!numberless) return null;
  // "@连心 今天还有没得没人接的单子": a list asked for, not news of what they hold.
  if (![null, 'thanks'].includes(guessIntent(text)?.type ?? null)) return null;
  const talk = talkOf(actor, text);
  // "不好意思 谁能接下" just after giving one back: about that one, unless they name one they still hold.
  if (talk.kind === 'release' && (await namedOrCalled(tx, await heldItems(tx, actor), norm)).length !== 1) {
    const given = await tx.get<{ itemId: number }>(`SELECT item_id FROM item_events WHERE actor_id = ? AND type = 'released' AND created_at > ? ORDER BY id DESC LIMIT 1`, [actor.id, new Date(now.getTime() - 30 * 60_000)]);
    if (given) return { type: 'status', id: given.itemId };
  }
  // In a group, without a number, only a holder's news of the one item whose words it repeats.
  if (numberless === 'held') {
    // "不客气 应该的 孙奶奶下周还要啥提前跟我说": an answer to a neighbour's thanks.
    if (/^(?:不客气|不用谢|应该的|客气啥|没事没事|小事)/u.test(norm.trim())) return null;
    // "老陈家送医院那个我来吧 我有车": a volunteer taking on the one open item the words name.
    if (talk.kind === 'claim') {
      const open = await openItemNamed(tx, actor, norm);
      if (open) return { type: 'claim', id: open.id };
    }
    // "今天谁家炖肉了 楼道里好香": news that does nothing is chatter, whatever it names.
    if (!['done', 'news', 'release', 'snooze', 'claim'].includes(talk.kind) || (WANTS.test(norm) && talk.kind !== 'release') || (talk.kind === 'news' && !ACTION.test(norm))) return null;
    const about = await namedOrCalled(tx, await heldItems(tx, actor), norm);
    // "地库那个灯我下午去看了…": of what they hold, going there is news of it.
    return about.length === 1 ? decide(about[0]!, actor, talk.kind === 'claim' ? { kind: 'news' } : talk, text.trim(), false) : null;
  }
  // "黄老师买灯盘花了好多钱 我要把钱给他 咋个给嘛": words to the one who did it for them, called by name.
  if (['news', 'status', 'praise'].includes(talk.kind) && !NEW_ASK.test(norm)) {
    const called = await holderCalled(tx, actor, norm, now);
    if (called !== null) return { type: 'tell', id: called, note: text.trim() };
  }
  // "周大爷说晾衣架啥事？": the holder asking about one they hold, named by its resident.
  if (talk.kind === 'status' && HOLDER_ASKS.test(norm)) {
    const about = await namedOrCalled(tx, await heldItems(tx, actor), norm);
    if (about.length === 1) return { type: 'tell', id: about[0]!.id, note: text.trim() };
  }
  // "周六八点是吧 要带医保卡吗": a question for whoever comes, not about how it stands.
  if (talk.kind === 'status' && !ASKS_AFTER.test(norm)) {
    if (!FOR_THE_HOLDER.test(norm)) return null;
    const row = await ownItem(tx, actor, { kind: 'news' }, norm, now);
    return row ? decide(row, actor, { kind: 'news' }, text.trim(), false) : null;
  }
  if (talk.kind === 'claim') {
    // "张奶奶开降压药的事我来办": the one open item of their communities these words name.
    const open = await openItemNamed(tx, actor, norm);
    if (open) return { type: 'claim', id: open.id };
    // "跟王阿姨说一声 下周三我照样陪着去": from someone at work on one, news of it.
    const held = await ownItem(tx, actor, { kind: 'news' }, norm, now);
    return held && held.claimantId === actor.id ? decide(held, actor, { kind: 'news' }, text.trim(), false) : null;
  }
  if (['support', 'urgent', 'reopen'].includes(talk.kind)) return null;
  const row = await ownItem(tx, actor, talk, norm, now);
  return row ? decide(row, actor, talk, text.trim(), false) : null;
}

function decide(row: Row, actor: Actor, talk: Talk, words: string, named: boolean): Runnable | null {
  const { id } = row;
  const holder = row.claimantId === actor.id;
  const official = isOfficialOf(actor, row.communityId);
  const submitter = row.submitterId === actor.id;
  // "社区就不能出面协调一下吗？" after a rejection: for the officials, not a status to read back.
  if (submitter && row.status === 'rejected' && ['status', 'news', 'dispute'].includes(talk.kind)) return { type: 'tell', id, note: words };
  if (talk.kind === 'status') return { type: 'status', id };
  // "3号是长期的 千万别给结了": from whoever asked for it, holds it or oversees it.
  if (talk.kind === 'keep_on' && (submitter || holder || official) && ['open', 'claimed', 'done'].includes(row.status)) return { type: 'keep_on', id, note: words };
  // "16号刘阿姨住哪栋啊 上面没写地址": the holder asks the submitter.
  if (holder && row.status === 'claimed' && HOLDER_ASKS.test(words)) return { type: 'tell', id, note: words };
  if (holder && row.status === 'done' && talk.kind === 'dispute') return { type: 'dispute', id, reason: words }; // "…12号撤销完成": taken back
  if (row.status === 'claimed' && (holder || official)) {
    switch (talk.kind) {
      case 'done':
        return { type: 'done', id, note: words };
      case 'release':
        if (holder) return { type: 'release', id, reason: words };
        break;
      case 'snooze':
        return { type: 'snooze', id, days: daysIn(words) };
      case 'urgent':
        if (official) return { type: 'priority', id, priority: 'urgent' };
        break;
    }
    if (['news', 'claim', 'done', 'dispute'].includes(talk.kind) && (named || holder)) return { type: 'progress', id, note: words };
  }
  if (official && named) {
    if (talk.kind === 'urgent') return { type: 'priority', id, priority: 'urgent' };
    // "16号已经答复了，结了吧": an official closes what nobody took.
    if (talk.kind === 'done' && row.status === 'open') return { type: 'done', id, note: words };
    if (talk.kind === 'reopen') return { type: 'reopen', id, reason: words };
    // "8号我已打燃气公司电话 抢修车二十分钟到": news of one nobody took yet is for its resident.
    if (talk.kind === 'news' && row.status === 'open') return { type: 'tell', id, note: words };
  }
  if (row.status === 'open' && talk.kind === 'claim' && isMemberOf(actor, row.communityId) && !submitter) return { type: 'claim', id };
  // "5号这周的菜我替蒙哥送到了": a member reporting on one another holds (or a unit) is heard by them.
  if (named && !holder && !submitter && row.status === 'claimed' && ['done', 'news'].includes(talk.kind) && isMemberOf(actor, row.communityId)) return { type: 'tell', id, note: words };
  if (submitter) {
    if (row.status === 'done' && talk.kind === 'rating') return { type: 'confirm', id, rating: talk.rating, comment: words };
    if (row.status === 'done' && talk.kind === 'praise') return { type: 'confirm', id, rating: null, comment: words };
    // "小李给送回来了 给他五颗星" before the holder said done: the holder hears it was fixed.
    if (row.status === 'claimed' && talk.kind === 'rating') return { type: 'done', id, note: words };
    if (['done', 'confirmed'].includes(row.status) && talk.kind === 'dispute') return { type: 'dispute', id, reason: words };
    if (['open', 'claimed'].includes(row.status) && talk.kind === 'withdraw') return { type: 'withdraw', id, reason: words };
    // "没事了 可以结了": an open one is withdrawn; one being done is passed to its holder or confirmed.
    if (talk.kind === 'done' && !holder && row.status !== 'confirmed') return row.status === 'open' ? { type: 'withdraw', id, reason: words } : { type: 'done', id, note: words };
  }
  // "9号麻烦下午或者周末上门", "通啥通啊 又冒上来了", "…她还能陪着去不": words for whoever works on it.
  if (submitter && (talk.kind === 'news' || (['dispute', 'praise'].includes(talk.kind) && row.status === 'claimed')) && ['open', 'claimed'].includes(row.status)) return { type: 'tell', id, note: words };
  if (!submitter && named && talk.kind === 'support' && ['open', 'claimed'].includes(row.status)) return { type: 'support', id };
  return null;
}

/**
 * The one item of theirs the words are about: what they hold, for news of the work ("花盆 搬完了");
 * what they raised, for a rating, a complaint or a question. Of several, the one whose words the
 * message repeats ("井盖那个我看了" about the 井盖 one).
 */
async function ownItem(tx: Tx, actor: Actor, talk: Talk, norm: string, now: Date): Promise<Row | undefined> {
  // "麻烦跟彭姐说一声…" asks to pass words on, not for new help.
  const asking = REQUEST.test(norm.replace(/不(?:用)?麻烦|麻烦(?=跟|和|给|告诉)/gu, ''));
  if (['done', 'release', 'snooze', 'news'].includes(talk.kind)) {
    const held = await heldItems(tx, actor);
    const about = await namedOrCalled(tx, held, norm);
    if (about.length === 1) return about[0];
    // News must name what it is about, or say plainly that they are at it ("到陈伯家了 先把电闸拉了");
    // done, giving back or a pause may stand alone, when nothing is asked.
    if (held.length === 1 && !/[?？]/u.test(norm) && !aboutAnother(held[0]!.text, norm) && !asking && (talk.kind !== 'news' || [...norm].length >= 6)) return held[0];
    if (held.length > 0) return undefined;
  }
  // Words that ask for something ("能不能帮我换个灯泡") are a new request, unless they dispute a fix;
  // news without a number is for the holder only when it says when or adds to it ("补充一下…").
  const since = new Date(now.getTime() - RECENT);
  // "下水到那个是弄了没有啊 还是臭得很": asking after the one whose words it repeats (and what is wrong).
  if (talk.kind === 'status' && asking) {
    const about = named(await tx.all<Row>(`${SELECT} WHERE submitter_id = ? AND status IN ('open', 'claimed', 'done') ORDER BY id DESC LIMIT 20`, [actor.id]), norm);
    if (about.length === 1) return about[0];
  }
  if ((talk.kind === 'news' && (!FOR_THE_HOLDER.test(norm) || NEW_ASK.test(norm))) || (asking && talk.kind !== 'dispute' && talk.kind !== 'withdraw')) {
    // "社区就不能出面帮忙协调一下吗？" just after a rejection: an objection, whatever it asks for.
    if (!['status', 'news'].includes(talk.kind) || !OBJECTS.test(norm)) return undefined;
    const rejected = await tx.all<Row>(`${SELECT} WHERE submitter_id = ? AND status = 'rejected' AND updated_at > ? ORDER BY id DESC LIMIT 2`, [actor.id, since]);
    return rejected.length === 1 && !aboutAnother(rejected[0]!.text, norm) ? rejected[0] : undefined;
  }
  const mine = await tx.all<Row>(
    `${SELECT} WHERE submitter_id = ? AND status IN ('open', 'claimed', 'done', 'confirmed', 'rejected') AND updated_at > ? ORDER BY id DESC LIMIT 20`,
    [actor.id, since],
  );
  // "师傅 都两天了吊顶还在滴" is not about a confirmed 路灯: reopening one closed takes its words.
  const closedUnnamed = (r: Row) => r.status === 'confirmed' && talk.kind === 'dispute' && sharedWords(normalizeText(r.text), norm) === 0 && !/老样子|没(?:修|弄|办)?好|还是那样|又坏/u.test(norm);
  if (mine.length === 1) return aboutAnother(mine[0]!.text, norm) || closedUnnamed(mine[0]!) ? undefined : mine[0];
  const about = named(mine, norm);
  return about.length === 1 ? about[0] : undefined;
}

/** The one open item of the volunteer's communities whose words the message repeats, raised in the last weeks. */
async function openItemNamed(tx: Tx, actor: Actor, norm: string): Promise<Row | undefined> {
  const communities = [...actor.roles.keys()];
  if (communities.length === 0) return undefined;
  const rows = await tx.all<Row>(
    `${SELECT} WHERE status = 'open' AND community_id IN ${inList(communities.length)} ORDER BY id DESC LIMIT 200`,
    communities,
  );
  const about = await namedOrCalled(tx, rows, norm);
  return about.length === 1 ? about[0] : undefined;
}

/** The items they hold now, newest first. */
function heldItems(tx: Tx, actor: Actor): Promise<Row[]> {
  return tx.all<Row>(`${SELECT} WHERE claimant_id = ? AND status = 'claimed' ORDER BY id DESC LIMIT 20`, [actor.id]);
}
