import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { InboundMessage as InboundRow, OutboxMessage } from '../../db/rows.ts';
import { inList, type Db } from '../../db/sql.ts';
import type { InboundMessage } from '../../core/messages.ts';
import { MERGED_PREFIX } from '../wecom-kf/held-outbox.ts';

const conversationParams = z.object({ conversationId: z.string().min(1).max(256) });
const time = z.iso.datetime();
const sentList = z.object({ messages: z.array(z.object({ id: z.number().int(), text: z.string(), createdAt: time })) });
const timeline = z.object({
  entries: z.array(
    z.object({
      from: z.enum(['person', 'bot']),
      senderId: z.string().nullable(),
      senderName: z.string(),
      text: z.string(),
      photos: z.number().int(),
      location: z.string().nullable(),
      /** A person's message the bot left alone (not addressed to it). */
      ignored: z.boolean(),
      /** Whom a message of the bot answers. */
      replyTo: z.string().nullable(),
      at: time,
    }),
  ),
});

/** The simulator's reading of one chat: what the bot sent there, and the whole exchange. */
export const simConversationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/conversations/:conversationId/messages', { schema: { params: conversationParams, response: { 200: sentList } } }, async (request) => {
    const { conversationId } = request.params;
    const rows = await db.all<Pick<OutboxMessage, 'id' | 'text' | 'createdAt'>>(
      "SELECT id, text, created_at FROM outbox_messages WHERE platform = 'sim' AND target_id = ? AND status = 'sent' AND (last_error IS NULL OR last_error NOT LIKE ?) ORDER BY id",
      [conversationId, `${MERGED_PREFIX}%`],
    );
    return { messages: rows.map((r) => ({ id: r.id, text: r.text, createdAt: r.createdAt.toISOString() })) };
  });

  /**
   * The page's view of a chat: what people wrote (with photos and locations) and what the bot sent,
   * in order. In a group it shows whom each message of the bot answers, and which messages the bot
   * left alone (not addressed to it: SPEC "Talking to the bot").
   */
  app.get('/conversations/:conversationId/timeline', { schema: { params: conversationParams, response: { 200: timeline } } }, async (request) => {
    const { conversationId } = request.params;
    const [inbound, outbound] = await Promise.all([
      db.all<Pick<InboundRow, 'id' | 'payload' | 'receivedAt' | 'status'>>(
        "SELECT id, payload, received_at, status FROM inbound_messages WHERE platform = 'sim' AND conversation_id = ? ORDER BY id DESC LIMIT 200",
        [conversationId],
      ),
      db.all<Pick<OutboxMessage, 'text' | 'sentAt' | 'createdAt' | 'inboundId'>>(
        "SELECT text, sent_at, created_at, inbound_id FROM outbox_messages WHERE platform = 'sim' AND target_id = ? AND status = 'sent' AND (last_error IS NULL OR last_error NOT LIKE ?) ORDER BY id DESC LIMIT 200",
        [conversationId, `${MERGED_PREFIX}%`],
      ),
    ]);
    // Which of these messages the bot answered anywhere (a reply here, or a direct message): at most 200 ids.
    const answered = new Set<number>();
    if (inbound.length > 0) {
      const rows = await db.all<{ inboundId: number }>(
        `SELECT DISTINCT inbound_id FROM outbox_messages WHERE inbound_id IN ${inList(inbound.length)}`,
        inbound.map((m) => m.id),
      );
      for (const r of rows) answered.add(r.inboundId);
    }
    const people = new Map(inbound.map((m) => [m.id, JSON.parse(m.payload) as InboundMessage]));
    const entries = [
      ...inbound.map((m) => {
        const p = people.get(m.id)!;
        return {
          from: 'person' as const,
          senderId: p.senderId,
          senderName: p.senderName,
          text: p.text,
          photos: p.photos.length,
          location: p.location?.label ?? null,
          ignored: m.status === 'done' && !answered.has(m.id),
          replyTo: null,
          at: m.receivedAt,
        };
      }),
      ...outbound.map((m) => ({
        from: 'bot' as const,
        senderId: null,
        senderName: '连心',
        text: m.text,
        photos: 0,
        location: null,
        ignored: false,
        // A reply to someone who wrote in this conversation: whom it answers.
        replyTo: m.inboundId !== null ? (people.get(m.inboundId)?.senderName ?? null) : null,
        at: m.sentAt ?? m.createdAt,
      })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime() || (a.from === 'person' ? -1 : 1));
    return { entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
  });
};
