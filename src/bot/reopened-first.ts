import type { Command } from './command-types.ts';

type WithId = Extract<Command, { id: number }>;

/** "16号重新打开，23号并到16号": the closed item reopened first, so that the merge can follow. */
export function reopenedFirst(norm: string, merge: WithId[] | null): WithId[] | null {
  const into = merge?.length === 1 && merge[0]!.type === 'merge' ? merge[0]!.into : null;
  if (into === null) return merge;
  const reopen = new RegExp(`(?<!\\d)${into}\\s*号?\\s*(?:先)?(?:重新打开|重开|打开)|(?:重新打开|重开)\\s*#?${into}(?!\\d)`, 'u');
  return reopen.test(norm) ? [{ type: 'reopen', id: into, reason: '' }, ...merge!] : merge;
}
