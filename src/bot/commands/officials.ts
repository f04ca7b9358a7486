import { DAY } from '../../core/clock.ts';
import { localDate, zonedTime } from '../../core/zoned-time.ts';
import { DomainError } from '../../domain/errors.ts';
import { createInvite } from '../../domain/invites.ts';
import { assignItem, mergeItem, rejectItem, reopenItem } from '../../domain/item-actions.ts';
import { setCategory, setDeadline, setPriority } from '../../domain/item-settings.ts';
import { getItem } from '../../domain/items.ts';
import { findMember, memberCalled } from '../member-called.ts';
import { requireOfficial } from '../../domain/permissions.ts';
import { deadlineAfter } from '../deadline.ts';
import { answeredAbout, ask } from '../prompts.ts';
import { MAX_DEADLINE_DAYS } from '../parse-official-args.ts';
import { CATEGORY_ALIAS } from '../parse-official-tail.ts';
import { everyone } from '../texts/common.ts';
import { dateOf } from '../working-days.ts';
import { tellSetting } from '../tell-setting.ts';
import { describeStats } from '../queries.ts';
import { describeClosed } from '../closed-lists.ts';
import { members } from '../texts/members.ts';
import { officials } from '../texts/officials.ts';
import { communitiesInView } from './scope.ts';
import { tell, type Handlers, type Run } from './table.ts';

// "8号分类改为安全隐患", "分类放为老服务": names offices use for the default categories.
const OFFICE_NAMES: Record<string, string> = { 安全隐患: '治安安全', 隐患: '治安安全', 消防安全: '治安安全', 为老服务: '养老助残', 环境: '环境卫生', 市容: '环境卫生' };

type Official = 'assign' | 'reject' | 'merge' | 'reopen' | 'category' | 'priority' | 'deadline' | 'invite' | 'stats' | 'unread' | 'closed';

/** What an official does: hand items out, close or reopen them, set them, and let people in. */
export const officialCommands: Handlers<Official> = {
  async unread({ out }, cmd) {
    out.reply(officials.unread(cmd.id, cmd.text));
  },
  async assign(run, cmd) {
    const { tx, ctx } = run;
    const item = await getItem(tx, cmd.id);
    // Who may is checked first: "#12 不属于您所在的社区" before "本社区没有找到…". The holder may
    // hand it to a member (meantByRole turned a hand-over to anyone else into giving it back).
    const holder = item.claimantId === ctx.actor.id && item.status === 'claimed';
    if (!holder) requireOfficial(ctx.actor, item);
    // "交给李建国" without an @: a member of the community by that name is that member (the unit
    // of the same name was handed the item, and the volunteer never heard of it).
    const member = cmd.target.kind === 'unit' ? await memberCalled(tx, item.communityId, cmd.target.name) : null;
    const to =
      cmd.target.kind === 'person'
        ? { kind: 'person' as const, person: await findMember(tx, item.communityId, cmd.target.name) }
        : member
          ? { kind: 'person' as const, person: member }
          : { kind: 'unit' as const, name: unitName(cmd.target.name) };
    // "12号催一下蓝天宇" when 蓝天宇 holds it already (another of that name or not): a reminder for them.
    const held = item.claimantId !== null && item.status === 'claimed' && !holder ? await tx.get<{ name: string }>('SELECT name FROM people WHERE id = ?', [item.claimantId]) : undefined;
    if (held && ((to.kind === 'person' && to.person.id === item.claimantId) || cmd.target.name.replace(/^@/u, '') === held.name)) {
      run.out.toPersonId(item.claimantId!, members.officeNudges(item.id, ctx.person.name, '请抓紧办理'));
      run.out.reply(members.nudgedHolder(item.id, held.name));
      return;
    }
    // "派给她", "派给小马" with no such member: a person nobody can find, not a unit of that name.
    if (to.kind === 'unit' && !UNIT_WORD.test(to.name) && (PRONOUN.test(to.name) || [...to.name].length <= 4)) throw new DomainError('person_not_found', { name: to.name });
    return tell(run, await assignItem(tx, ctx.actor, cmd.id, to, ctx.now));
  },
  async reject(run, cmd) {
    return tell(run, await rejectItem(run.tx, run.ctx.actor, cmd.id, cmd.reason, run.ctx.now));
  },
  async merge(run, cmd) {
    // "合并 12 到 11" when #12 is in hand and #11 is not: the one in hand stays, the other joins it.
    const swap = (await getItem(run.tx, cmd.id)).status === 'claimed' && (await getItem(run.tx, cmd.into)).status === 'open';
    const change = await mergeItem(run.tx, run.ctx.actor, swap ? cmd.into : cmd.id, swap ? cmd.id : cmd.into, run.ctx.now);
    return tell(run, swap ? { ...change, turned: true } : change);
  },
  async reopen(run, cmd) {
    return tell(run, await reopenItem(run.tx, run.ctx.actor, cmd.id, cmd.reason, run.ctx.now));
  },
  async category({ tx, ctx, out, deps }, cmd) {
    // "安全隐患" where the community has no such category: the one the office means by it.
    const alias = CATEGORY_ALIAS[cmd.category] ?? OFFICE_NAMES[cmd.category];
    const category = !deps.settings.categories.includes(cmd.category) && alias && deps.settings.categories.includes(alias) ? alias : cmd.category;
    tellSetting(await setCategory(tx, ctx.actor, cmd.id, category, deps.settings.categories, ctx.now), out, deps);
  },
  async priority({ tx, ctx, out, deps }, cmd) {
    tellSetting(await setPriority(tx, ctx.actor, cmd.id, cmd.priority, ctx.now), out, deps);
  },
  async deadline({ tx, ctx, out, deps }, cmd) {
    if ('by' in cmd) {
      // "这周五之前": the end of that day, and the working days until it as the record says.
      const today = localDate(ctx.now, deps.settings.timeZone);
      // "今天之内弄好": by the end of today (an urgent thing the office wants done now).
      if ('today' in cmd.by) {
        tellSetting(await setDeadline(tx, ctx.actor, cmd.id, zonedTime(today, '23:59:59', deps.settings.timeZone), 0, ctx.now), out, deps);
        return;
      }
      const date = dateOf(cmd.by, today);
      const days = date > today ? deps.calendar().workdaysBetween(today, date) : 0;
      const deadlineAt = zonedTime(date, '23:59:59', deps.settings.timeZone);
      // "7 明天之前必须办完" on a Saturday: the day said, though no working day comes before it.
      if (days < 1 && date > today) {
        tellSetting(await setDeadline(tx, ctx.actor, cmd.id, deadlineAt, 0, ctx.now, `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`), out, deps);
        await answeredAbout(tx, 'deadline', cmd.id, ctx.now);
        return;
      }
      if (days < 1 || days > MAX_DEADLINE_DAYS) {
        out.reply(days < 1 ? officials.deadlineNotAhead(cmd.id) : everyone.parseProblem('bad_deadline', everyone.examples.deadline));
        // "哦今天已经周五了，那就下周三吧": the next words may be the day meant.
        await ask(tx, ctx.person.id, 'deadline', cmd.id, ctx.now);
        return;
      }
      tellSetting(await setDeadline(tx, ctx.actor, cmd.id, deadlineAt, days, ctx.now), out, deps);
      await answeredAbout(tx, 'deadline', cmd.id, ctx.now);
      return;
    }
    const deadlineAt = deadlineAfter(cmd.workingDays, ctx.now, deps);
    tellSetting(await setDeadline(tx, ctx.actor, cmd.id, deadlineAt, cmd.workingDays, ctx.now), out, deps);
    await answeredAbout(tx, 'deadline', cmd.id, ctx.now);
  },
  /** 邀请码 [党员|干部] [次数]: the code goes to the official's direct chat, never to a group. */
  async invite(run, cmd) {
    const { tx, ctx, out, deps } = run;
    const communityId = inviteCommunity(run);
    const code = await createInvite(
      tx,
      { communityId, role: cmd.role, maxUses: cmd.uses, createdById: ctx.actor.id, ttlDays: deps.settings.inviteTtlDays },
      ctx.now,
    );
    const community = await tx.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [communityId]);
    const until = deps.fmt.day(new Date(ctx.now.getTime() + deps.settings.inviteTtlDays * DAY));
    const text = officials.inviteReply(code, community?.name ?? '', cmd.role, cmd.uses, until);
    if (run.inGroup) {
      out.toPerson(ctx.person, text);
      out.reply(officials.inviteSentPrivately);
    } else {
      out.reply(text);
    }
  },
  async closed(run, cmd) {
    const { tx, ctx, deps } = run;
    const list = await describeClosed(tx, ctx.actor, await communitiesInView(run), ctx.now, deps.settings.timeZone, cmd.which, cmd.span);
    if (list === null) throw new DomainError('need_official');
    run.out.reply(list);
  },
  async stats(run, cmd) {
    run.out.reply(await describeStats(run.tx, run.ctx.actor, await communitiesInView(run), run.ctx.now, run.deps.settings, cmd.topic, cmd.span));
  },
};

/** The community an invite is for: the group's, or the one the official serves. */
function inviteCommunity({ ctx }: Run): number {
  const served = [...ctx.actor.roles].filter(([, role]) => role === 'official').map(([id]) => id);
  if (served.length === 0) throw new DomainError('need_official');
  if (ctx.group) {
    if (!served.includes(ctx.group.communityId)) throw new DomainError('not_official_here');
    return ctx.group.communityId;
  }
  if (served.length > 1) throw new DomainError('which_community');
  return served[0]!;
}

// Words that name a unit rather than a person ("物业", "城管中队", "园林绿化那边", "供电所").
const UNIT_WORD = /物业|城管|保洁|保安|电工|水电|维修|工程部|班组|交警|消防|热线|12345|公司|所|局|站|队|处|办|科|部门|单位|中心|街道|市政|供电|环卫|燃气|水务|绿化|园林|维保|电梯|社区|居委|那边|方面/u;
const PRONOUN = /^(?:她|他|它|他们|她们|你|您|这人|那人|这个人|那个人)$/u;

/** "物业公司立即设置围挡并补装井盖": the unit, without what it is asked to do. */
function unitName(said: string): string {
  const cut = /^(.{2,}?)(?:立即|马上|尽快|立刻|负责|进行|设置|处理|维修|修复|于|在\d|限期|抓紧|派人|安排)/u.exec(said);
  return (cut ? cut[1]! : said).slice(0, 50);
}
