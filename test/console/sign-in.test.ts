import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/sql.ts';
import { MINUTE, HOUR } from '../../src/core/clock.ts';
import { createSession, createSignInLink, endSession, findSession, redeemSignInLink } from '../../src/console/sign-in-store.ts';
import { csrfOf, sameToken, tokenHash } from '../../src/domain/sign-in-tokens.ts';
import { freshDb, ledgerBuilder } from '../helpers/ledger-builder.ts';

const T0 = new Date('2026-11-20T02:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('console sign-in: one-time links and sessions', () => {
  let db: Db;
  let official: number;
  beforeAll(async () => {
    db = await freshDb();
    const b = ledgerBuilder(db);
    const c = await b.community('阳光社区');
    official = (await b.person('赵书记', { [c]: 'official' })).id;
  });
  afterAll(() => db.close());

  it('a link signs its official in once; a second click is told it was used', async () => {
    const token = await createSignInLink(db, official, T0);
    expect(await redeemSignInLink(db, token, at(MINUTE))).toEqual({ ok: true, personId: official });
    expect(await redeemSignInLink(db, token, at(2 * MINUTE))).toEqual({ ok: false, refusal: 'used' });
  });

  it('a link is good for 10 minutes', async () => {
    const token = await createSignInLink(db, official, T0);
    expect(await redeemSignInLink(db, token, at(10 * MINUTE + 1))).toEqual({ ok: false, refusal: 'expired' });
    const fresh = await createSignInLink(db, official, T0);
    expect(await redeemSignInLink(db, fresh, at(10 * MINUTE - 1))).toMatchObject({ ok: true });
  });

  it('two clicks on one link at the same moment: one session, not two', async () => {
    const token = await createSignInLink(db, official, T0);
    const results = await Promise.all([redeemSignInLink(db, token, at(MINUTE)), redeemSignInLink(db, token, at(MINUTE))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('made-up and malformed tokens are unknown; the database keeps only hashes', async () => {
    expect(await redeemSignInLink(db, 'A'.repeat(43), T0)).toEqual({ ok: false, refusal: 'unknown' });
    expect(await redeemSignInLink(db, "' OR 1=1 --", T0)).toEqual({ ok: false, refusal: 'unknown' });
    expect(await redeemSignInLink(db, ['x'], T0)).toEqual({ ok: false, refusal: 'unknown' });
    const token = await createSignInLink(db, official, T0);
    const rows = await db.all<{ tokenHash: string }>('SELECT token_hash FROM console_links');
    expect(rows.map((r) => r.tokenHash)).toContain(tokenHash(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('a session lasts 8 hours after it was last used, and ends at sign-out', async () => {
    const { token, session } = await createSession(db, official, T0);
    expect(session.csrf).toBe(csrfOf(token));
    // Used after 7 hours: renewed for 8 more.
    expect(await findSession(db, token, at(7 * HOUR))).toMatchObject({ personId: official, expiresAt: at(15 * HOUR) });
    expect(await findSession(db, token, at(14 * HOUR))).toMatchObject({ personId: official });
    // Left alone for 8 hours: gone.
    expect(await findSession(db, token, at(22 * HOUR + 1))).toBeNull();
    const second = await createSession(db, null, T0);
    expect(await findSession(db, second.token, at(MINUTE))).toMatchObject({ personId: null });
    await endSession(db, second.token);
    expect(await findSession(db, second.token, at(2 * MINUTE))).toBeNull();
  });

  it('CSRF tokens are compared whole, and only strings', () => {
    const csrf = csrfOf('some-session-token');
    expect(sameToken(csrf, csrf)).toBe(true);
    expect(sameToken(csrf.slice(0, -1), csrf)).toBe(false);
    expect(sameToken(undefined, csrf)).toBe(false);
    expect(sameToken([csrf], csrf)).toBe(false);
  });
});
