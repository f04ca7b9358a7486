import type { Tx } from '../db/sql.ts';
import { highestRole } from '../domain/actor.ts';
import { DomainError } from '../domain/errors.ts';
import { joinWithInvite } from '../domain/invites.ts';
import {
  assignItem,
  claimItem,
  completeItem,
  confirmItem,
  disputeItem,
  findCommunityPerson,
  mergeItem,
  progressItem,
  rejectItem,
  releaseItem,
  snoozeItem,
  supportItem,
  withdrawItem,
} from '../domain/item-actions.ts';
import { getItem, type ItemChange } from '../domain/items.ts';
import { createSignInLink } from '../domain/sign-in-link.ts';
import type { BotDeps } from './bot-deps.ts';
import type { MessageContext } from './context.ts';
import { knownCommunity, startDialogue } from './dialogue.ts';
import { notifyChange } from './notify.ts';
import type { Outgoing } from './outgoing.ts';
import type { Command } from './parse-command.ts';
import { describeItem, describeMine, describeOpen, describeStats } from './queries.ts';
import { answerRevisit } from './revisit-answer.ts';
import { submitItem } from './submit-item.ts';
import { texts } from './texts.ts';

type Runnable = Exclude<Command, { type: 'text' } | { type: 'empty' } | { type: 'invalid' }>;

/** Runs one parsed command inside the transaction and says what it did. */
export async function runCommand(tx: Tx, ctx: MessageContext, cmd: Runnable, out: Outgoing, deps: BotDeps): Promise<void> {
  const { actor, now } = ctx;
  const inGroup = ctx.msg.conversationType === 'group';
  const change = async (c: ItemChange) => notifyChange(tx, c, out, inGroup);

  switch (cmd.type) {
    case 'help':
      out.reply(texts.help(highestRole(actor)));
      return;
    case 'wish': {
      const communityId = await communityForNewItem(tx, ctx);
      if (communityId === null) return startDialogue(tx, ctx, { kind: 'wish', text: cmd.text }, out, deps);
      await submitItem(
        tx,
        ctx,
        { kind: 'wish', text: cmd.text, communityId, place: null, latitude: null, longitude: null, photos: ctx.msg.photos },
        out,
        deps,
      );
      return;
    }
    case 'report':
      await communityForNewItem(tx, ctx);
      return startDialogue(tx, ctx, { kind: 'report', text: cmd.text }, out, deps);
    case 'claim':
      return change(await claimItem(tx, actor, cmd.id, now));
    case 'assign': {
      const item = await getItem(tx, cmd.id);
      const to =
        cmd.target.kind === 'person'
          ? { kind: 'person' as const, person: await findCommunityPerson(tx, item.communityId, cmd.target.name) }
          : { kind: 'unit' as const, name: cmd.target.name.slice(0, 50) };
      return change(await assignItem(tx, actor, cmd.id, to, now));
    }
    case 'progress':
      return change(await progressItem(tx, actor, cmd.id, cmd.note, now));
    case 'done':
      return change(await completeItem(tx, actor, cmd.id, cmd.note, now));
    case 'release':
      return change(await releaseItem(tx, actor, cmd.id, cmd.reason, now));
    case 'confirm':
      return change(await confirmItem(tx, actor, cmd.id, cmd.rating, cmd.comment, now));
    case 'dispute':
      return change(await disputeItem(tx, actor, cmd.id, cmd.reason, now));
    case 'withdraw':
      return change(await withdrawItem(tx, actor, cmd.id, cmd.reason, now));
    case 'reject':
      return change(await rejectItem(tx, actor, cmd.id, cmd.reason, now));
    case 'merge':
      return change(await mergeItem(tx, actor, cmd.id, cmd.into, now));
    case 'support':
      return change(await supportItem(tx, actor, cmd.id, now));
    case 'snooze':
      return change(await snoozeItem(tx, actor, cmd.id, cmd.days, now));
    case 'status':
      out.reply(await describeItem(tx, actor, cmd.id, inGroup, deps.fmt));
      return;
    case 'mine':
      out.reply((await describeMine(tx, actor)) ?? texts.nothingMine);
      return;
    case 'list':
      out.reply((await describeOpen(tx, await communitiesInView(tx, ctx))) ?? texts.nothingOpen);
      return;
    case 'stats':
      out.reply(await describeStats(tx, actor, await communitiesInView(tx, ctx), now, deps.settings));
      return;
    case 'console': {
      // A sign-in link is a key: only in a direct chat, only to an official.
      if (inGroup) {
        out.reply(texts.consoleInGroup);
        return;
      }
      if (![...actor.roles.values()].includes('official')) throw new DomainError('need_official');
      const token = await createSignInLink(tx, actor.id, now);
      out.reply(texts.consoleLink(`${deps.settings.publicUrl}/console/login?token=${token}`));
      return;
    }
    case 'join': {
      const { community, role } = await joinWithInvite(tx, ctx.person, cmd.code, now);
      out.reply(texts.joinReply(community.name, role));
      return;
    }
    case 'answer':
      return answerRevisit(tx, ctx, cmd, out, deps);
  }
}

/** A new item's community: the group's, the person's own, or none yet (the dialogue will ask). */
async function communityForNewItem(tx: Tx, ctx: MessageContext): Promise<number | null> {
  if (ctx.msg.conversationType === 'group' && !ctx.group) throw new DomainError('group_not_bound');
  const any = await tx.get<{ id: number }>('SELECT id FROM communities LIMIT 1');
  if (!any) throw new DomainError('no_community');
  return knownCommunity(tx, ctx);
}

/** The communities a list or figures are about: this group's, or all the person belongs to. */
async function communitiesInView(tx: Tx, ctx: MessageContext): Promise<number[]> {
  if (ctx.group) return [ctx.group.communityId];
  if (ctx.msg.conversationType === 'group') throw new DomainError('group_not_bound');
  const ids = new Set(ctx.actor.roles.keys());
  if (ctx.person.communityId !== null) ids.add(ctx.person.communityId);
  if (ids.size === 0) {
    const id = await knownCommunity(tx, ctx);
    if (id !== null) ids.add(id);
  }
  if (ids.size === 0) throw new DomainError('no_own_community');
  return [...ids];
}
