import { officials } from '../texts/officials.ts';
import type { Handlers } from './table.ts';

/**
 * 登录 / 后台: a one-time link to the console. The console (branch feat-console) provides the
 * link; until then the command says it is coming. Kept alone in this file so that its merge is one
 * handler's body.
 */
export const loginCommand: Handlers<'login'> = {
  async login({ out }) {
    out.reply(officials.consoleSoon);
  },
};
