import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Item } from '../../db/rows.ts';
import type { Tx } from '../../db/sql.ts';
import { localDate, zonedTime } from '../../core/zoned-time.ts';
import { ConflictError, DomainError } from '../../domain/errors.ts';
import { assignItem, mergeItem, rejectItem, reopenItem } from '../../domain/item-actions.ts';
import { getItem, type ItemChange } from '../../domain/items.ts';
import { transition } from '../../domain/lifecycle.ts';
import type { ItemStatus } from '../../domain/types.ts';
import { EVENT_NAMES } from '../../bot/texts.ts';
import { notifyChange } from '../../bot/notify.ts';
import { Outgoing } from '../../bot/outgoing.ts';
import { refusalText } from '../../bot/refusal-text.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import { checkCsrf, pageError, viewerOf } from '../console-auth.ts';
import type { ConsoleDeps } from '../console-deps.ts';
import { addNote, changeSetting } from '../item-settings.ts';
import { noticeOf } from '../notices.ts';
import { itemPage } from '../pages/item-page.ts';
import { wallClockText } from '../export/wall-clock.ts';
import { ADMIN_ACTOR_ID, canSeeCommunity, type ConsoleViewer } from '../viewer.ts';

const OWN_EVENT_NAMES: Record<string, string> = {
  categorized: '设置类别',
  prioritized: '设置优先级',
  deadline_set: '设置期限',
  grid_set: '设置网格',
  noted: '民情日记',
};

const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const text = (field: string, max: number) =>
  z.string({ error: `请填写${field}` }).trim().min(1, { error: `请填写${field}` }).max(max, { error: `${field}最多 ${max} 个字` });

/** One line of Chinese out of a form's zod complaint. */
function parseForm<S extends z.ZodType>(schema: S, body: unknown, request: FastifyRequest): z.infer<S> {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const { viewer, csrf } = viewerOf(request);
    throw pageError(400, '填写有误', r.error.issues[0]?.message ?? '填写有误', viewer, csrf);
  }
  return r.data;
}

export async function itemRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const { db, clock, config } = deps;
  const tz = config.BOT_TIMEZONE;

  /** The item, if it exists and is in one of the viewer's communities; otherwise a page saying so (nothing of it shown). */
  async function visibleItem(request: FastifyRequest): Promise<Item> {
    const { viewer, csrf } = viewerOf(request);
    const p = idParam.safeParse(request.params);
    if (!p.success) throw pageError(404, '没有这件事', '编号不对。', viewer, csrf);
    const item = await db.get<Item>('SELECT * FROM items WHERE id = ?', [p.data.id]);
    if (!item) throw pageError(404, '没有这件事', `没有找到 #${p.data.id}。`, viewer, csrf);
    if (!canSeeCommunity(viewer, item.communityId)) throw pageError(403, '无权查看', '这件事不属于您管理的社区。', viewer, csrf);
    return item;
  }

  /**
   * Runs an action as the chat command would: the domain change, the same notifications (the
   * outbox, in the same transaction), then back to the item with a notice. A refusal of the ledger
   * (already closed, …) is said in Chinese and changes nothing.
   */
  async function act(request: FastifyRequest, reply: import('fastify').FastifyReply, notice: string, run: (tx: Tx, viewer: ConsoleViewer, item: Item, now: Date) => Promise<ItemChange | null>) {
    const { viewer, csrf } = viewerOf(request);
    checkCsrf(request, (request.body as Record<string, unknown> | undefined)?.csrf);
    const item = await visibleItem(request);
    const attempt = () =>
      db.transaction(async (tx) => {
        const now = clock.now();
        const change = await run(tx, viewer, item, now);
        if (!change) return 0;
        const out = new Outgoing(null);
        await notifyChange(tx, change, out, false);
        const messages = await out.resolve(tx);
        return (await enqueue(tx, messages, {}, now)).length;
      });
    try {
      let sent: number;
      try {
        sent = await attempt();
      } catch (error) {
        // Someone changed the item at the same moment: once more, on fresh data.
        if (!(error instanceof ConflictError)) throw error;
        sent = await attempt();
      }
      if (sent > 0) deps.kickOutbox();
    } catch (error) {
      if (error instanceof DomainError) throw pageError(409, '没有办成', refusalText(error), viewer, csrf);
      if (error instanceof ConflictError) throw pageError(409, '没有办成', '这件事刚被别人改过，请刷新页面后再试。', viewer, csrf);
      throw error;
    }
    deps.log.info({ console: notice, item: item.id, by: viewer.personId ?? 'admin' }, 'console action');
    return reply.redirect(`/console/items/${item.id}?ok=${notice}`, 303);
  }

  app.get('/items/:id', async (request, reply) => {
    const { viewer, csrf } = viewerOf(request);
    const item = await visibleItem(request);
    const now = clock.now();
    const [community, grid, submitter, claimant, supporters, photos, events, revisits, members, grids] = await Promise.all([
      db.get<{ name: string }>('SELECT name FROM communities WHERE id = ?', [item.communityId]),
      item.gridId ? db.get<{ name: string }>('SELECT name FROM grids WHERE id = ?', [item.gridId]) : null,
      db.get<{ name: string; phone: string | null; address: string | null; platform: string }>('SELECT name, phone, address, platform FROM people WHERE id = ?', [item.submitterId]),
      item.claimantId ? db.get<{ name: string }>('SELECT name FROM people WHERE id = ?', [item.claimantId]) : null,
      db.all<{ name: string; createdAt: Date }>('SELECT p.name, s.created_at FROM item_supporters s JOIN people p ON p.id = s.person_id WHERE s.item_id = ? ORDER BY s.created_at', [item.id]),
      db.all<{ ref: string }>('SELECT ref FROM item_photos WHERE item_id = ? ORDER BY id', [item.id]),
      db.all<{ type: string; actorId: number | null; note: string | null; rating: number | null; createdAt: Date; actor: string | null }>(
        'SELECT e.type, e.actor_id, e.note, e.rating, e.created_at, p.name AS actor FROM item_events e LEFT JOIN people p ON p.id = e.actor_id WHERE e.item_id = ? ORDER BY e.id',
        [item.id],
      ),
      db.all<{ askedAt: Date; answeredAt: Date | null; answer: string | null }>('SELECT asked_at, answered_at, answer FROM revisits WHERE item_id = ? ORDER BY asked_at', [item.id]),
      db.all<{ id: number; name: string; role: string }>(
        `SELECT p.id, p.name, m.role FROM memberships m JOIN people p ON p.id = m.person_id WHERE m.community_id = ? ORDER BY m.role DESC, p.name LIMIT 500`,
        [item.communityId],
      ),
      db.all<{ id: number; name: string }>('SELECT id, name FROM grids WHERE community_id = ? ORDER BY name', [item.communityId]),
    ]);
    const status = item.status as ItemStatus;
    const ratings = events.filter((e) => e.rating !== null && (e.type === 'confirmed' || e.type === 'rated_low'));
    // Officials see the submitter's name in full here, as in 提出人 (SPEC: they see contact details).
    const who = (e: (typeof events)[number]) => (e.actorId === ADMIN_ACTOR_ID ? '管理员' : e.actor);
    const html = itemPage({
      viewer,
      csrf,
      notice: noticeOf(request.query),
      item: {
        id: item.id,
        kind: item.kind,
        status: item.status,
        priority: item.priority,
        text: item.text,
        place: item.place,
        category: item.category,
        community: community?.name ?? '',
        grid: grid?.name ?? null,
        gridId: item.gridId,
        createdAt: wallClockText(item.createdAt, tz),
        deadline: item.deadlineAt ? wallClockText(item.deadlineAt, tz) : null,
        late: ['open', 'claimed'].includes(status) && item.deadlineAt !== null && item.deadlineAt.getTime() < now.getTime(),
        answerDue: item.answerDueAt ? wallClockText(item.answerDueAt, tz) : null,
        holder: claimant?.name ?? item.assignedUnit,
        mergedIntoId: item.mergedIntoId,
        relatedToId: item.relatedToId,
      },
      submitter: submitter ?? null,
      supporters: supporters.map((s) => ({ name: s.name, at: wallClockText(s.createdAt, tz) })),
      photos: photos.map((p) => p.ref),
      ratings: ratings.map((e, i) => ({ at: wallClockText(e.createdAt, tz), rating: e.rating!, comment: e.note, current: i === ratings.length - 1 })),
      revisits: revisits.map((r) => ({ askedAt: wallClockText(r.askedAt, tz), answeredAt: r.answeredAt ? wallClockText(r.answeredAt, tz) : null, answer: r.answer })),
      timeline: events.map((e) => ({
        at: wallClockText(e.createdAt, tz),
        what: OWN_EVENT_NAMES[e.type] ?? (EVENT_NAMES as Record<string, string>)[e.type] ?? e.type,
        who: who(e),
        note: e.type === 'snoozed' ? null : e.rating !== null ? `${e.rating} 分${e.note ? `，${e.note}` : ''}` : e.note,
      })),
      can: {
        assign: transition(status, 'assign').ok,
        reject: transition(status, 'reject').ok,
        merge: transition(status, 'merge').ok,
        reopen: transition(status, 'reopen').ok,
        edit: ['open', 'claimed', 'done'].includes(status),
      },
      members: members.map((m) => ({ value: m.id, label: `${m.name}${m.role === 'official' ? '（干部）' : ''}` })),
      categories: config.REPORT_CATEGORIES,
      grids: grids.map((g) => ({ value: g.id, label: g.name })),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  });

  const assignBody = z.object({
    personId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
    unit: z.string().trim().max(50, { error: '单位名称最多 50 个字' }).optional(),
  });
  app.post('/items/:id/assign', async (request, reply) => {
    const body = parseForm(assignBody, request.body, request);
    if (!body.personId && !body.unit) {
      const { viewer, csrf } = viewerOf(request);
      throw pageError(400, '填写有误', '请选择交给谁，或写上承办单位。', viewer, csrf);
    }
    return act(request, reply, 'assign', async (tx, viewer, item, now) => {
      if (body.personId) {
        const person = await tx.get<{ id: number; name: string }>(
          'SELECT p.id, p.name FROM people p JOIN memberships m ON m.person_id = p.id WHERE p.id = ? AND m.community_id = ?',
          [body.personId, item.communityId],
        );
        if (!person) throw new DomainError('person_not_found', { name: `编号 ${body.personId}` });
        return assignItem(tx, viewer.actor, item.id, { kind: 'person', person }, now);
      }
      return assignItem(tx, viewer.actor, item.id, { kind: 'unit', name: body.unit! }, now);
    });
  });

  const reasonBody = z.object({ reason: text('原因', 200) });
  app.post('/items/:id/reject', async (request, reply) => {
    const { reason } = parseForm(reasonBody, request.body, request);
    return act(request, reply, 'reject', (tx, viewer, item, now) => rejectItem(tx, viewer.actor, item.id, reason, now));
  });
  app.post('/items/:id/reopen', async (request, reply) => {
    const { reason } = parseForm(reasonBody, request.body, request);
    return act(request, reply, 'reopen', async (tx, viewer, item, now) => {
      if (viewer.actor.roles.get(item.communityId) !== 'official') throw new DomainError('need_official', { id: item.id });
      return reopenItem(tx, viewer.actor, item.id, reason, now);
    });
  });
  const mergeBody = z.object({ into: z.coerce.number({ error: '请写上要合并到的编号' }).int({ error: '编号应为正整数' }).positive({ error: '编号应为正整数' }).max(2_147_483_647) });
  app.post('/items/:id/merge', async (request, reply) => {
    const { into } = parseForm(mergeBody, request.body, request);
    return act(request, reply, 'merge', (tx, viewer, item, now) => mergeItem(tx, viewer.actor, item.id, into, now));
  });

  const categoryBody = z.object({ category: z.enum(config.REPORT_CATEGORIES as [string, ...string[]], { error: `类别可选：${config.REPORT_CATEGORIES.join('、')}` }) });
  app.post('/items/:id/category', async (request, reply) => {
    const { category } = parseForm(categoryBody, request.body, request);
    return act(request, reply, 'category', async (tx, viewer, item, now) => {
      await changeSetting(tx, viewer.actor, item.id, 'categorized', { category }, category, now);
      return null;
    });
  });
  const priorityBody = z.object({ priority: z.enum(['normal', 'urgent'], { error: '优先级只能是普通或紧急' }) });
  app.post('/items/:id/priority', async (request, reply) => {
    const { priority } = parseForm(priorityBody, request.body, request);
    return act(request, reply, 'priority', async (tx, viewer, item, now) => {
      await changeSetting(tx, viewer.actor, item.id, 'prioritized', { priority }, priority === 'urgent' ? '紧急' : '普通', now);
      return null;
    });
  });
  const deadlineBody = z.object({ days: z.coerce.number({ error: '期限请写 1 到 60 个工作日' }).int({ error: '期限请写 1 到 60 个工作日' }).min(1, { error: '期限请写 1 到 60 个工作日' }).max(60, { error: '期限请写 1 到 60 个工作日' }) });
  app.post('/items/:id/deadline', async (request, reply) => {
    const { days } = parseForm(deadlineBody, request.body, request);
    return act(request, reply, 'deadline', async (tx, viewer, item, now) => {
      // The end of the working day N working days from today, as a receipt's deadline is counted.
      const date = deps.bot.calendar().addWorkdays(localDate(now, tz), days);
      const deadlineAt = zonedTime(date, '23:59:59', tz);
      const after = await changeSetting(tx, viewer.actor, item.id, 'deadline_set', { deadlineAt }, `${days} 个工作日（${date}）`, now);
      // The holder is told, as they would be of any change to what they hold.
      if (after.claimantId !== null && after.claimantId !== viewer.actor.id) {
        const out = new Outgoing(null);
        out.toPersonId(after.claimantId, `#${after.id} 的办结期限改为 ${deps.bot.fmt.day(deadlineAt)}。`);
        const ids = await enqueue(tx, await out.resolve(tx), {}, now);
        if (ids.length > 0) deps.kickOutbox();
      }
      return null;
    });
  });
  const gridBody = z.object({ gridId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: '网格不对' }).int().positive().optional()) });
  app.post('/items/:id/grid', async (request, reply) => {
    const { gridId } = parseForm(gridBody, request.body, request);
    return act(request, reply, 'grid', async (tx, viewer, item, now) => {
      let name = '不属于网格';
      if (gridId !== undefined) {
        const grid = await tx.get<{ name: string }>('SELECT name FROM grids WHERE id = ? AND community_id = ?', [gridId, item.communityId]);
        if (!grid) throw new DomainError('not_found', { id: item.id });
        name = grid.name;
      }
      await changeSetting(tx, viewer.actor, item.id, 'grid_set', { gridId: gridId ?? null }, name, now);
      return null;
    });
  });
  const noteBody = z.object({ note: text('记录', 500) });
  app.post('/items/:id/note', async (request, reply) => {
    const { note } = parseForm(noteBody, request.body, request);
    return act(request, reply, 'note', async (tx, viewer, item, now) => {
      await addNote(tx, viewer.actor, item.id, note, now);
      return null;
    });
  });
}
