import type { Tx } from '../db/sql.ts';
import type { BotDeps } from './bot-deps.ts';
import type { Runnable } from './commands/index.ts';
import type { MessageContext } from './context.ts';
import { guessIntent } from './guess-intent.ts';
import { itemTalk } from './item-talk.ts';
import type { Outgoing } from './outgoing.ts';
import { ownItemAskedAfter } from './own-item-asked-after.ts';
import { parseCommand } from './parse-command.ts';
import { parseCommands } from './parse-commands.ts';
import { runCommands } from './run-commands.ts';
import type { Dialogue } from '../db/rows.ts';
import { deleteDialogue } from './dialogue-store.ts';
import { say } from './say.ts';
import { draftEscape, withoutSaidAgain } from './skip-and-cancel.ts';
import { residents } from './texts/residents.ts';
import { kindAnswer } from './kind-answer.ts';
import { answerPrompt } from './answer-prompt.ts';
import { openPrompts } from './prompts.ts';
import { photosForItem } from './photos-for-item.ts';
import { normalizeText } from './normalize-text.ts';
import { isThanks } from './parse-command.ts';
import { sharedWords } from './shares-words.ts';
import { understandReply } from './understand-reply.ts';
import { everyone } from './texts/common.ts';
import { itemIdsIn } from './item-id.ts';
import { talkAbout } from './talk-about.ts';

// What follows words that drop a draft ("都不是 我是问小张几点来", "取消 9号给物业"): answered on
// its own when it asks for something the bot knows; otherwise the cancellation was all.

// What parseCommand makes of words that are no command to run.
const PLAIN = new Set<string>(['text', 'empty', 'thanks', 'answer', 'invalid']);

/** Whether words hold a command of their own ("9号给物业"), not a bare number. */
export function commandIn(words: string): boolean {
  const cmd = parseCommand(words);
  return parseCommands(words) !== null || !PLAIN.has(cmd.type);
}

/** After a dropped draft, the words that followed, when they ask for something the bot knows. */
export async function answerRest(tx: Tx, ctx: MessageContext, rest: string, out: Outgoing, deps: BotDeps): Promise<boolean> {
  // "不是新问题，这张照片是9号楼道杂物的": the photo for that item.
  if (await photosForItem(tx, ctx, rest, out)) return true;
  // "不是要登记 我是说满意": the answer to the bot's own question, said again.
  const prompts = await openPrompts(tx, ctx.person, ctx.now);
  if (prompts.length > 0 && (await answerPrompt(tx, { ...ctx, msg: { ...ctx.msg, text: rest } }, prompts, out, deps))) return true;
  // "不是新的 我问9号", "俺问的是3号": the number alone asks after it.
  const plain = withoutSaidAgain(rest).trim();
  const cmd = /^#?\s*\d{1,9}\s*号?[?？。.!！\s]*$/u.test(plain) ? parseCommand(`查询 ${plain}`) : parseCommand(rest);
  const many = parseCommands(rest);
  // "勿是新额 阿拉只是问问 查询": a bare 查询 asks after their own items.
  const bare = cmd.type === 'invalid' && cmd.command === 'status' && cmd.problem === 'missing_id';
  const known = many ?? (bare ? [{ type: 'mine' as const }] : PLAIN.has(cmd.type) ? null : [cmd as Runnable]);
  const talk = known ? null : await itemTalk(tx, ctx.actor, rest, ctx.now, true);
  const guessed = known || talk ? null : guessIntent(rest);
  // "我就是说声谢谢": the cancellation has answered it.
  const guess = guessed?.type === 'thanks' ? null : guessed;
  const asked = known || talk || guess ? null : await ownItemAskedAfter(tx, ctx.person.id, rest);
  const run = known ?? (talk ? [talk] : guess ? [guess] : asked !== null ? [{ type: 'status' as const, id: asked }] : null);
  if (run) await runCommands(tx, ctx, run, out, deps);
  return run !== null;
}

// "取消 我要的是统计数字", "…我是书记在布置工作取消": 取消 first or last drops a draft at any step.
const PLAINLY_DROPPED = /取消[。.!！~～\s]*$|^(?:@\S+\s*)?(?:取消|不登了|不用登记|不登记了|(?:嗰条|这条|那条|呢条)?唔使登记|(?:此|这)(?:并)?非新(?:事|事项)|(?:唔係|唔系|勿是|不是)新(?:嘅|嘢|额|的|我)(?:事体|事情|事|问题)?)/u;

// The questions before a draft says anything worth keeping: what it is, which community.
const EARLY_STEPS = new Set<string>(['text', 'kind', 'community']);

/**
 * Drops a draft at its first questions when the words leave it: "取消取消", "都不是 我是问小张几点来"
 * (what follows is answered), "取消 9号给物业" (a command after it; `isCommand`: the whole message
 * parsed as one, e.g. 取消 as 撤回), "我是问10号的进度" (another matter the bot knows). False when
 * the words do not leave it; nothing is changed then.
 */
export async function leaveDraft(tx: Tx, ctx: MessageContext, dialogue: Dialogue, text: string, isCommand: boolean, out: Outgoing, deps: BotDeps): Promise<boolean> {
  // At a later step only words that plainly drop it ("此非新事，取消。", "嗰条唔使登记 取消", "勿是新额
  // 阿拉只是问问 查询") leave it; a bare "不是" may begin an answer ("不是 在3号楼").
  const plainly = PLAINLY_DROPPED.test(normalizeText(text));
  if (!EARLY_STEPS.has(dialogue.step) && !plainly) return false;
  const escape = draftEscape(text);
  const drop = async () => {
    await deleteDialogue(tx, dialogue.id);
    say(ctx, out, residents.dialogueCancelled);
  };
  if (escape && (!isCommand || plainly || (escape.rest !== '' && commandIn(escape.rest)))) {
    // "我不是要办事 就是说声谢谢": thanks, not a cancellation to confirm.
    if (escape.rest !== '' && (isThanks(escape.rest) || guessIntent(escape.rest)?.type === 'thanks')) {
      await deleteDialogue(tx, dialogue.id);
      say(ctx, out, everyone.thanks);
      return true;
    }
    // "不是新事，就是我原来反映的那个1号，物业糊弄事": what the draft said belongs to item 1.
    if (await draftIsAbout(tx, ctx, dialogue, escape.rest, out, deps)) return true;
    await drop();
    if (escape.rest !== '') await answerRest(tx, ctx, escape.rest, out, deps);
    return true;
  }
  const instead = withoutSaidAgain(text);
  // "是反映问题" answers the question itself.
  if (isCommand || instead === text.trim() || kindAnswer(normalizeText(text).trim()) !== null) return false;
  const part = out.fork();
  if (!(await answerRest(tx, ctx, instead, part, deps))) return false;
  await drop();
  out.absorb(part);
  return true;
}

// "就是我原来反映的那个1号", "是1号的事", "1号 物业糊弄事": the words name one item of one's own.
const OWN_ITEM = /^(?:这是|是给|给|回答|回|关于)?(?:我|俺)?(?:原来|之前|上次|刚才|早先|前几天)?(?:反映|说|提|报)?(?:过)?(?:的)?(?:那个|那件)?\s*#?\s*(\d{1,6})\s*号?(?:的|那个|那件)?(?:事|事情|问题|进展|进度|补充|那个问题)?(?:的)?(?:进展|补充|话)?[\s,，。:：]*/u;

/**
 * After words that say a draft is no new matter but one already raised: its words reach that item —
 * a complaint about a done item disputes it, about one under way goes to whoever handles it.
 */
async function draftIsAbout(tx: Tx, ctx: MessageContext, dialogue: Dialogue, rest: string, out: Outgoing, deps: BotDeps): Promise<boolean> {
  const plain = withoutSaidAgain(rest);
  const m = OWN_ITEM.exec(plain);
  if (dialogue.text.trim() === '') return false;
  // "不是新的事 是晾衣架那个 跟马师傅说一声": the one of theirs the words name.
  // "这话是给陈娃娃说的 7号", "是跟买米那个小杨老师说的": the draft was words for the other side of an
  // item: the one named, or the one whose words were last passed on to them.
  const forSomeone = FOR_SOMEONE.test(normalizeText(plain));
  const named = itemIdsIn(normalizeText(plain)).filter((f) => /[号#]/u.test(normalizeText(plain).slice(f.index, f.index + f.length)));
  const id = m ? Number(m[1]) : forSomeone && named.length === 1 ? named[0]!.id : ((await ownItemNamed(tx, ctx.person.id, normalizeText(plain))) ?? (forSomeone ? await lastPassedOn(tx, ctx) : null));
  if (id === null) return false;
  const item = await tx.get<{ id: number; status: string; submitterId: number; claimantId: number | null; text: string }>('SELECT id, status, submitter_id, claimant_id, text FROM items WHERE id = ?', [id]);
  if (!item || !['open', 'claimed', 'done'].includes(item.status)) return false;
  // "不是新事 是5号的进展" from whoever holds it: the draft was news of that item.
  const holder = item.claimantId === ctx.person.id && item.status === 'claimed';
  if (item.submitterId !== ctx.person.id && !holder) return false;
  const more = forSomeone && !m ? '' : m ? plain.slice(m[0].length).trim() : plain.trim();
  const said = more ? `${dialogue.text.trim()}\n${more}` : dialogue.text.trim();
  // "…就是6号 满意" rates, not complains: those are the prompt's and the parser's. ("4号完成，教会了。
  // 9号我认领…": orders about more than this item too.)
  if (more !== '' && (commandIn(more) || itemIdsIn(normalizeText(more)).some((m) => m.id !== item.id))) return false;
  // "取消 我说的是1号 已经送到了" from its holder: the draft was the done notice.
  const finished = holder && more !== '' && (parseCommand(`${item.id}号 ${more}`).type === 'done' || talkAbout(more).kind === 'done');
  await deleteDialogue(tx, dialogue.id);
  // A done one: "俺是说井盖修好了 满意" confirms it; only a complaint sends it back (trial 63).
  const verdict = item.status === 'done' && !holder ? understandReply(said, { kind: 'confirm', itemId: item.id, itemText: item.text }) : null;
  const run: Runnable = holder
    ? { type: finished ? 'done' : 'progress', id: item.id, note: said }
    : verdict?.kind === 'confirm'
      ? { type: 'confirm', id: item.id, rating: verdict.rating, comment: verdict.comment }
      : verdict?.kind === 'dispute'
        ? { type: 'dispute', id: item.id, reason: said }
        : { type: 'tell', id: item.id, note: said };
  await runCommands(tx, ctx, [run], out, deps);
  return true;
}

// ("额是说楼上吵的那个", "是回书记话的": about a matter already raised, the one last talked of.)
const FOR_SOMEONE = /(?:给|跟|对|和|回)[^，。,\s]{1,10}?(?:说|讲)的|回[^，。,\s]{0,6}话的?|转给(?:他|她)|(?:给|跟)(?:他|她)说|^(?:我|额|俺)?(?:是说|说的是|讲的是)/u;

/** The item whose other side's words were passed on to this person last, if they may still answer. */
async function lastPassedOn(tx: Tx, ctx: MessageContext): Promise<number | null> {
  const relay = (await openPrompts(tx, ctx.person, ctx.now)).find((p) => p.kind === 'relay');
  return relay?.itemId ?? null;
}

/** The one open, under-way or done item of theirs whose words these repeat most, or null. */
async function ownItemNamed(tx: Tx, personId: number, norm: string): Promise<number | null> {
  const rows = await tx.all<{ id: number; text: string }>(
    "SELECT id, text FROM items WHERE submitter_id = ? AND status IN ('open', 'claimed', 'done') ORDER BY id DESC LIMIT 20",
    [personId],
  );
  const scored = rows.map((r) => ({ id: r.id, n: sharedWords(normalizeText(r.text), norm) })).filter((r) => r.n > 0);
  const best = Math.max(0, ...scored.map((r) => r.n));
  const top = scored.filter((r) => r.n === best);
  return top.length === 1 ? top[0]!.id : null;
}
