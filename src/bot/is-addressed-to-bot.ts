import { detectEmergency } from './detect-emergency.ts';
import { extractPhone } from './extract-phone.ts';
import { extractPlace } from './extract-place.ts';
import { normalizeText } from './normalize-text.ts';
import { parseCommand } from './parse-command.ts';
import { draftEscape, HOW_TO_SEND_PHOTO, isCancel, isSkip } from './skip-and-cancel.ts';
import { kindAnswer, leavesKindToUs } from './kind-answer.ts';
import { understandReply, type ReplyQuestion } from './understand-reply.ts';
import { isReassurance } from './small-talk.ts';

// In a group the bot answers only what is addressed to it (SPEC "Talking to the bot"): a command,
// an @mention of the bot, or the answer to its own question from the person it asked. Chatter
// between residents ("赵大爷说的对", "哈哈", "好的") gets no "没看懂这条".

export type DialogueStep = 'text' | 'kind' | 'community' | 'address' | 'place' | 'photo' | 'phone';
/** What the bot last asked this sender in this conversation, still unanswered. */
export type OpenQuestion = ReplyQuestion | { kind: 'dialogue'; step: DialogueStep };

export type AddressInput = {
  text: string;
  chat: 'direct' | 'group';
  /** The platform says the bot was @mentioned (or the message quotes the bot). */
  mentionedBot: boolean;
  question: OpenQuestion | null;
  /** A photo or a location came with the message. */
  hasAttachment?: boolean;
  /** The bot's display names, for a leading "@连心" typed by hand (the simulator, copy-paste). */
  botNames?: readonly string[];
};

export type AddressReason = 'direct' | 'mention' | 'command' | 'answer' | 'emergency';

// Acknowledgements, laughter and emoji: said to the others in the group.
const CHATTER =
  /^(?:哈+|呵+|嘿+|嘻+|好的?|好滴|好嘞|嗯+|哦+|噢+|收到|知道了|对+|对的|是的|是啊|没错|同意|赞|辛苦了|谢谢|\+1|ok|[\s,，。.!！~～…?？]|[\u{1F300}-\u{1FAFF}\u2600-\u27BF\uFE0F])+$/iu;

const THANKS_A_NEIGHBOUR = /(?:谢谢|多谢|麻烦)(?!连心|小连|社区|你|您|大家)(?:老|小)?[\u4e00-\u9fa5]{1,2}(?:哥|姐|叔|姨|师傅|大爷|大妈|奶奶|爷爷)?(?:啊|呀|哈|了)?[\s!！。]*$/u;

/** Why a message is for the bot, or null when it is not. In a direct chat everything is. */
export function addressedToBot(input: AddressInput): AddressReason | null {
  if (input.chat === 'direct') return 'direct';
  if (input.mentionedBot || mentionsByName(input.text, input.botNames ?? [])) return 'mention';
  // "…请连心列一下": the bot asked by name in the middle of a sentence.
  if ((input.botNames ?? []).some((name) => name !== '' && new RegExp(`(?:请|让|麻烦|叫)${name}(?:帮(?:我|忙)?|给我)?(?:列|查|看|说|统计|登记|记)`, 'u').test(normalizeText(input.text)))) return 'mention';
  if (input.question && answers(input)) return 'answer';
  const cmd = parseCommand(input.text);
  // "谢谢", "是", "否" alone are said to anyone; only a mention or an open question makes them ours.
  // So are "确认", "完成", "问题" alone: a command word with nothing after it is chatter in a group.
  const bareWord = cmd.type === 'invalid' && /^[\u4e00-\u9fa5a-z+?？]{1,4}[\s。.!！~～]*$/iu.test(normalizeText(input.text).trim());
  if (!['text', 'empty', 'thanks', 'answer'].includes(cmd.type) && !bareWord) return 'command';
  // Someone writes "煤气味很大" in the group: the hotline is worth an interruption.
  // "快来人 …" is too.
  const emergency = detectEmergency(input.text);
  if (emergency && (emergency.hotlines.length > 0 || /救命|快来人/u.test(input.text))) return 'emergency';
  return null;
}

export function isAddressedToBot(input: AddressInput): boolean {
  return addressedToBot(input) !== null;
}

const namePatterns = new Map<string, RegExp>();

function mentionsByName(text: string, names: readonly string[]): boolean {
  const t = normalizeText(text).trimStart();
  // "连心你好我想请个人帮我…", "你好小连 吃了吗": the bot called by its name (or 小 and its first
  // character, as people call it), without an @. Built once per name: every group message asks.
  const called = names.flatMap((name) => (/^[\u4e00-\u9fa5]{2}$/u.test(name) ? [name, `小${name[0]}`] : [name]));
  return called.some((name) => {
    if (name === '') return false;
    let re = namePatterns.get(name);
    if (!re) {
      re = new RegExp(`^(?:你好|您好|喂|哎)?[，,\\s]*${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?:你好|您好|侬好|啊|呀|[，,：:\\s])`, 'u');
      namePatterns.set(name, re);
    }
    return t.startsWith(`@${name}`) || re.test(t);
  });
}

/** Whether the message plausibly answers the open question (the dialogue stores what it gets). */
function answers(input: AddressInput): boolean {
  const q = input.question!;
  const text = normalizeText(input.text).trim();
  if (q.kind === 'confirm' || q.kind === 'revisit') return understandReply(input.text, q) !== null;
  if (input.hasAttachment && (q.step === 'photo' || q.step === 'place' || q.step === 'address')) return true;
  // "没事没事谢谢老张": said to a neighbour in the middle of the bot's question.
  if (THANKS_A_NEIGHBOUR.test(text)) return false;
  // "没事没事 吓我一跳": reassurance among neighbours, with more to say, is no leaving the draft.
  if (isReassurance(text)) return false;
  if (isCancel(text) || isSkip(text)) return true;
  // "取消 取消 阿拉勿要登记了", "不是不是 是我想帮别人…": leaving the first questions.
  if ((q.step === 'text' || q.step === 'community') && draftEscape(text) !== null) return true;
  switch (q.step) {
    case 'kind':
      return kindAnswer(text) !== null || leavesKindToUs(text) || draftEscape(text) !== null;
    case 'community':
      return /^\d{1,3}[\s。.!！]*$/u.test(text);
    case 'phone':
      return extractPhone(text) !== null;
    case 'photo':
      // Any words at this step are added to the report, so only what is clearly for it counts.
      return /^(?:补充|另外|还有)/u.test(text) || HOW_TO_SEND_PHOTO.test(text);
    case 'place':
    case 'address':
      return extractPlace(text) !== null || (text.length <= 30 && !CHATTER.test(text) && parseCommand(text).type === 'text');
    case 'text':
      return text !== '' && !CHATTER.test(text);
  }
}
