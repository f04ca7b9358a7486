import type { FastifyInstance } from 'fastify';
import { EVENT_NAMES } from '../../bot/texts/common.ts';
import { transition } from '../../domain/lifecycle.ts';
import type { ItemStatus } from '../../domain/types.ts';
import { viewerOf } from '../console-auth.ts';
import type { ConsoleDeps } from '../console-deps.ts';
import { wallClockText } from '../export/wall-clock.ts';
import { noticeOf } from '../notices.ts';
import { itemPage } from '../pages/item-page.ts';
import { ADMIN_ACTOR_ID } from '../viewer.ts';
import { findVisibleItem } from './visible-item.ts';

/** Names of the timeline entries the console writes itself (item-settings.ts). */
const OWN_EVENT_NAMES: Record<string, string> = {
  categorized: '设置类别',
  prioritized: '设置优先级',
  deadline_set: '设置期限',
  grid_set: '设置网格',
  noted: '民情日记',
};

/** 条目: one item, everything about it, and the actions its status allows. */
export async function itemPageRoute(app: FastifyInstance, deps: ConsoleDeps): Promise<void> {
  const { db, clock, config } = deps;
  const tz = config.BOT_TIMEZONE;
  const visibleItem = (request: import('fastify').FastifyRequest) => findVisibleItem(deps, request);

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
    const ratings = events.filter((e) => e.rating !== null && (e.type === 'confirmed' || e.type === 'rated_low' || e.type === 'rerated'));
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
      // Registered for a resident who phoned: the resident asked; the one who registered it is named.
      submitter: submitter && item.onBehalfOf ? { ...submitter, name: `${item.onBehalfOf}（${submitter.name}代登记）`, phone: item.onBehalfPhone, address: null } : (submitter ?? null),
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

}
