import { confirmArgs } from './confirm-args.ts';
import { normalizeText } from './normalize-text.ts';

// "改成四星吧", "刚才点错了 应该是5星": what is said around a score that sets it right; it says nothing
// of the work itself, so it is no comment.
export const CORRECTION_ONLY =
  /^(?:(?:不好意思|对不起|抱歉|刚才|刚刚|[打点按说选]错[了咧]?|改成|改为|改一下|改个|改|评分|分数|打个分|打分|应该是|应该|其实是|是|给|打|评|吧|啊|呀|哈|了|我|再|重新)[\s,，。.!！~～]*)+$/u;
// A score as a number or stars ("4星", "三颗星"), not a word of satisfaction ("满意" is thanks by now).
const SCORE = /(?:^|[^0-9])[1-5１-５](?:$|[^0-9])|[一二三四五两]\s*(?:颗|粒|个)?\s*[星分]|[★⭐]/u;
// A score given again on purpose: a correction, not another remark.
const CORRECTING = /改成|改为|改一下|改个|改评|改掉|还是给|还是打|重新打|重打|重新评|[打点按说选]错|[按点]快了|手快了|[按点](?:得)?太快|应该是|其实是|更正/u;
// "又坏了 改成一星": the work failed again; that is a new report, not a score.
const TROUBLE = /又(?:坏|不亮|漏|堵|停|不行)|没修好|还是老样子|不满意/u;

/**
 * After the submitter confirmed an item (within a day): the score they meant instead, with what else
 * they said of the work, or null when the message is not a score put right. A bare score ("4星",
 * "三颗星吧") counts too: the only score they could mean is the one just given.
 */
export function rerateOf(text: string): { rating: number; comment: string } | null {
  const norm = normalizeText(text).trim();
  if (norm === '' || TROUBLE.test(norm)) return null;
  // "按错 是5": the slip owned up to, then the score alone.
  const slip = /^(?:[打点按说选]错[了咧]?|[按点]快了)[\s,，。]*(?:是|应该是|改成)?\s*([1-5１-５])(?:星|分|颗星)?[\s。.!！]*$/u.exec(norm);
  if (slip) return { rating: Number(normalizeText(slip[1]!)), comment: '' };
  const args = confirmArgs(norm, text.trim());
  if (args === 'bad_rating' || args.rating === null) return null;
  const left = normalizeText(args.comment);
  const bare = left === '' || CORRECTION_ONLY.test(left);
  if (!CORRECTING.test(norm) && !(bare && SCORE.test(norm))) return null;
  // "刚才打错了 应该是3星 龙头还有点滴水": the words about the work stay as the comment.
  const comment = bare ? '' : args.comment.replace(/^(?:(?:不好意思|对不起|抱歉|刚才|刚刚|[打点按说选]错[了咧]?|改成|改为|改一下|重新打个?分|评分|应该是|其实是|是)[\s,，。.!！~～]*)+/u, '').trim();
  // "不是新事，是7号的评分改成…", "想了一哈还是改成…": the correction itself, wherever it stands, is no comment.
  const words = comment
    .replace(/^(?:不是新的?事?[，,\s]*)?(?:是)?(?:#?\d+号?的?)?(?:评分|分数)?/u, '')
    .replace(/(?:想了一[下哈]|想了想|想想)?[，,\s]*(?:还是)?(?:把)?(?:评分|分数)?(?:改成|改为|改到|应该是|其实是)(?=[，,。.!！\s]|$)/gu, '')
    .replace(/(?:哎呀|哎|唉)?[，,\s]*(?:[按点]快[了咧]|手快[了咧]|[打点按说选]错[了咧]?)[，,\s]*/gu, '')
    .replace(/[，,\s]*(?:刚才|之前|原来)?[^，,。\s]{0,4}改掉(?:吧|了)?/gu, '')
    .replace(/[，,\s]*还是(?:给|打)?(?:她|他|它|您|你)?(?=[，,。\s]|$)/gu, '')
    .replace(/[，,\s]*(?:就?算)?[，,\s]*(?:嘛|吧|哈|呀|啊|了)*$/u, '')
    .replace(/^[，,。.!！\s]+|[，,\s]+$/gu, '')
    .replace(/[，,]{2,}/gu, '，');
  return { rating: args.rating, comment: CORRECTION_ONLY.test(normalizeText(words)) ? '' : words };
}
