import { MAX_PHOTO_MB } from './save-media.ts';

/** What the 微信客服 channel itself says to a resident (short, plain Simplified Chinese). */
export const kfTexts = {
  handedToHuman: '已为您转接人工客服，请稍候。您提交的心愿和反映照常办理。',
  humanUnavailable: '暂时无法转接人工客服，请稍后再试；有事也可以直接留言。',
  imageTooLarge: `图片太大（超过 ${MAX_PHOTO_MB}MB），没能保存。请发一张小一些的图片。`,
  imageNotSaved: '图片没能保存，请再发一次。',
} as const;

/** "人工", "转人工", "人工客服" … alone in a message: the resident asks for a person. */
export function asksForHuman(text: string): boolean {
  return /^(?:转|找|要)?人工(?:客服|服务)?$/u.test(text.replace(/[\s，。！!？?~～、.]/gu, ''));
}
