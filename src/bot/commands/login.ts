import { DomainError } from '../../domain/errors.ts';
import { createSignInLink } from '../../domain/sign-in-link.ts';
import { officials } from '../texts/officials.ts';
import type { Handlers } from './table.ts';

/** 登录 / 后台 / console: a one-time link to the console (issue 11), for an official, in a direct chat. */
export const loginCommand: Handlers<'login'> = {
  async login({ tx, ctx, out, deps, inGroup }) {
    // A sign-in link is a key: only in a direct chat, only to an official.
    if (inGroup) {
      out.reply(officials.consoleInGroup);
      return;
    }
    if (![...ctx.actor.roles.values()].includes('official')) throw new DomainError('need_official');
    const token = await createSignInLink(tx, ctx.actor.id, ctx.now);
    out.reply(officials.consoleLink(`${deps.settings.publicUrl}/console/login?token=${token}`));
  },
};
