import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Item } from '../../db/rows.ts';
import type { Tx } from '../../db/sql.ts';
import { ConflictError, DomainError } from '../../domain/errors.ts';
import { assignItem, mergeItem, rejectItem, reopenItem } from '../../domain/item-actions.ts';
import type { ItemChange } from '../../domain/items.ts';
import { notifyChange } from '../../bot/notify.ts';

/** Changes that are an official's settings, told as the chat commands tell them (bot/tell-setting.ts). */
const SETTINGS = new Set(['categorized', 'prioritized', 'deadline_set', 'grid_set']);
import { Outgoing } from '../../bot/outgoing.ts';
import { refusalText } from '../../bot/refusal-text.ts';
import { enqueue } from '../../outbox/enqueue.ts';
import { checkCsrf, pageError, viewerOf } from '../console-auth.ts';
import type { ConsoleDeps } from '../console-deps.ts';
import { addNote, setCategory, setDeadline, setGrid, setPriority } from '../../domain/item-settings.ts';
import { deadlineAfter } from '../../bot/deadline.ts';
import { tellSetting } from '../../bot/tell-setting.ts';
import type { ConsoleViewer } from '../viewer.ts';
import { findVisibleItem } from './visible-item.ts';

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

/** The official's actions on an item (issue 11): each as the chat command, with its notifications. */
export async function itemActionRoutes(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const { db, clock, config } = deps;
  const visibleItem = (request: FastifyRequest) => findVisibleItem(deps, request);

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
        // The same people hear of it as when the official does it in chat.
        if (SETTINGS.has(change.type)) tellSetting(change, out, deps.bot);
        else await notifyChange(tx, change, out, false);
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
      // On a page the chat's hint ("发“我的”…") means nothing: a missing item is said plainly.
      if (error instanceof DomainError) {
        const why = error.code === 'not_found' ? `没有找到 #${String(error.params.id ?? '')}，请核对编号。` : refusalText(error);
        throw pageError(409, '没有办成', why, viewer, csrf);
      }
      if (error instanceof ConflictError) throw pageError(409, '没有办成', '这件事刚被别人改过，请刷新页面后再试。', viewer, csrf);
      throw error;
    }
    deps.log.info({ console: notice, item: item.id, by: viewer.personId ?? 'admin' }, 'console action');
    return reply.redirect(`/console/items/${item.id}?ok=${notice}`, 303);
  }

  const assignBody = z.object({
    personId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: '请从名单里选择交给谁' }).int({ error: '请从名单里选择交给谁' }).positive({ error: '请从名单里选择交给谁' }).optional()),
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
    return act(request, reply, 'category', (tx, viewer, item, now) => setCategory(tx, viewer.actor, item.id, category, config.REPORT_CATEGORIES, now));
  });
  const priorityBody = z.object({ priority: z.enum(['normal', 'urgent'], { error: '优先级只能是普通或紧急' }) });
  app.post('/items/:id/priority', async (request, reply) => {
    const { priority } = parseForm(priorityBody, request.body, request);
    return act(request, reply, 'priority', (tx, viewer, item, now) => setPriority(tx, viewer.actor, item.id, priority, now));
  });
  const deadlineBody = z.object({ days: z.coerce.number({ error: '期限请写 1 到 60 个工作日' }).int({ error: '期限请写 1 到 60 个工作日' }).min(1, { error: '期限请写 1 到 60 个工作日' }).max(60, { error: '期限请写 1 到 60 个工作日' }) });
  app.post('/items/:id/deadline', async (request, reply) => {
    const { days } = parseForm(deadlineBody, request.body, request);
    return act(request, reply, 'deadline', (tx, viewer, item, now) =>
      setDeadline(tx, viewer.actor, item.id, deadlineAfter(days, now, deps.bot), days, now),
    );
  });
  const gridBody = z.object({ gridId: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: '网格不对' }).int().positive().optional()) });
  app.post('/items/:id/grid', async (request, reply) => {
    const { gridId } = parseForm(gridBody, request.body, request);
    return act(request, reply, 'grid', (tx, viewer, item, now) => setGrid(tx, viewer.actor, item.id, gridId ?? null, now));
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
