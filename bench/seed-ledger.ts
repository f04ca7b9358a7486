// Seeds an empty ledger of N items quickly, on SQLite or PostgreSQL (multi-row INSERTs in large
// transactions), as a realistic district: 50 communities, a year of items, most of them confirmed.
// Usage: tsx bench/seed-ledger.ts <file.db | postgresql://…> <items>
import { openDatabase } from '../src/db/open-database.ts';
import type { Tx, Value } from '../src/db/sql.ts';
import { SqliteDb } from '../src/db/sqlite-database.ts';
import { createLogger } from '../src/log.ts';

const [target, countArg] = process.argv.slice(2);
if (!target || !countArg) throw new Error('usage: seed-ledger.ts <file.db | postgresql://…> <items>');
const url = /^postgres(ql)?:\/\//u.test(target) ? target : `file:${target}`;
const N = Number(countArg);
const COMMUNITIES = 50;
const NOW = Date.parse('2026-11-23T01:00:00Z'); // Monday 09:00 Asia/Shanghai
const DAY = 86_400_000;
const date = (ms: number) => new Date(ms);

const db = await openDatabase(url, createLogger('silent'), { statementTimeoutMs: 600_000 });
if (db instanceof SqliteDb) {
  db.connection.pragma('synchronous = OFF');
  db.connection.pragma('cache_size = -524288');
}
if (await db.get('SELECT id FROM communities LIMIT 1')) throw new Error('the database has communities already: seed an empty one');

// Both databases take 30 000 bound values in one statement (SQLite's limit is 32 766).
const MAX_VALUES = 30_000;

/** One multi-row INSERT per chunk; the new ids in insertion order when `returning`. */
async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: readonly Value[][], returning = false): Promise<number[]> {
  const per = Math.max(1, Math.floor(MAX_VALUES / columns.length));
  const row = `(${columns.map(() => '?').join(', ')})`;
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(chunk.length).fill(row).join(', ')}`;
    if (returning) ids.push(...(await tx.all<{ id: number }>(`${sql} RETURNING id`, chunk.flat())).map((r) => r.id).sort((a, b) => a - b));
    else await tx.run(sql, chunk.flat());
  }
  return ids;
}

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

const categories = ['基础设施', '环境卫生', '治安安全', '养老助残', '就业创业', '政策咨询', '矛盾纠纷', '其他'];
const residentsPer = Math.max(20, Math.min(2000, Math.floor(N / COMMUNITIES / 5)));
const PERSON = ['platform', 'platform_user_id', 'name', 'community_id', 'created_at', 'updated_at'];
const MEMBERSHIP = ['person_id', 'community_id', 'role', 'created_at'];
const communityIds: number[] = [];
const residents: number[][] = [];
const members: number[][] = [];
await db.transaction(async (tx) => {
  const t = date(NOW - 400 * DAY);
  for (let c = 1; c <= COMMUNITIES; c++) {
    const [id] = await insertRows(tx, 'communities', ['name', 'created_at'], [[`社区${c}`, t]], true);
    communityIds.push(id!);
    await insertRows(tx, 'group_chats', ['platform', 'conversation_id', 'community_id', 'created_at', 'updated_at'], [['sim', `g${c}`, id!, t, t]]);
    const person = (prefix: string, name: string, i: number | null): Value[] => ['sim', `${prefix}${c}${i === null ? '' : `-${i}`}`, `${name}${c}${i === null ? '' : `-${i}`}`, id!, t, t];
    residents.push(await insertRows(tx, 'people', PERSON, Array.from({ length: residentsPer }, (_, i) => person('r', '居民', i)), true));
    const volunteers = await insertRows(tx, 'people', PERSON, Array.from({ length: 20 }, (_, i) => person('m', '党员', i)), true);
    members.push(volunteers);
    const [official] = await insertRows(tx, 'people', PERSON, [person('o', '干部', null)], true);
    await insertRows(tx, 'memberships', MEMBERSHIP, [...volunteers.map((p) => [p, id!, 'member', t]), [official!, id!, 'official', t]]);
  }
});

const ITEM = [
  'kind', 'status', 'community_id', 'text', 'category', 'place', 'priority', 'deadline_at', 'submitter_id', 'claimant_id',
  'rating', 'rating_comment', 'source_platform', 'version', 'created_at', 'updated_at', 'answered_at', 'answer_seconds',
  'claimed_at', 'claim_seconds', 'activity_at', 'done_at', 'resolve_seconds', 'closed_at',
];
// The ledger's indexes are built once after loading (a sort), not kept up row by row while loading.
const indexes =
  db.dialect === 'sqlite'
    ? await db.all<{ name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('items', 'item_events') AND sql IS NOT NULL ORDER BY name",
      )
    : await db.all<{ name: string; sql: string }>(
        `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
         WHERE i.schemaname = current_schema() AND i.tablename IN ('items', 'item_events')
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
         ORDER BY i.indexname`,
      );
for (const index of indexes) await db.run(`DROP INDEX ${index.name}`);

const BATCH = 50_000;
let lastId = 0;
for (let start = 0; start < N; start += BATCH) {
  const rows: Value[][] = [];
  for (let k = start; k < Math.min(N, start + BATCH); k++) {
    const c = k % COMMUNITIES;
    const submitter = residents[c]![Math.floor(random() * residentsPer)]!;
    const member = members[c]![Math.floor(random() * 20)]!;
    const created = NOW - Math.floor(random() * 365 * DAY);
    const age = NOW - created;
    const r = random();
    const status = age < 2 * DAY && r < 0.5 ? 'open' : r < 0.05 ? 'open' : r < 0.15 ? 'claimed' : r < 0.2 ? 'done' : r < 0.95 ? 'confirmed' : 'withdrawn';
    const kind = random() < 0.6 ? 'wish' : 'report';
    const claimSec = Math.floor(random() * 2 * 86400);
    const resolveSec = claimSec + Math.floor(random() * 5 * 86400);
    const claimed = status !== 'open' && status !== 'withdrawn' ? created + claimSec * 1000 : null;
    const done = status === 'done' || status === 'confirmed' ? Math.min(NOW - 1000, created + resolveSec * 1000) : null;
    const closed = status === 'confirmed' ? Math.min(NOW - 1, (done ?? created) + DAY) : status === 'withdrawn' ? created + DAY : null;
    const rating = status === 'confirmed' ? 3 + Math.floor(random() * 3) : null;
    // In the order the values are drawn from `random` (the same ledger as before for the same N).
    const text = `第${k}件：${pick(['楼道灯坏了', '帮忙修水龙头', '垃圾没人清', '想学用手机', '陪老人看病'])}`;
    const category = kind === 'report' ? pick(categories) : null;
    const place = kind === 'report' ? `${1 + (k % 30)}号楼` : null;
    const deadline = kind === 'report' ? date(created + 7 * DAY) : null;
    const comment = rating && random() < 0.2 ? '谢谢，办得很好' : null;
    rows.push([
      kind, status, communityIds[c]!, text, category, place, 'normal', deadline, submitter, claimed ? member : null,
      rating, comment, 'sim', 0, date(created), date(created), claimed ? date(claimed) : null, claimed ? claimSec : null,
      claimed ? date(claimed) : null, claimed ? claimSec : null, claimed ? date(claimed) : null, done ? date(done) : null,
      done ? Math.floor((done - created) / 1000) : null, closed ? date(closed) : null,
    ]);
  }
  await db.transaction(async (tx) => {
    await insertRows(tx, 'items', ITEM, rows);
    // Each new item's timeline, in the database: created, then done (by its claimant) if it was done.
    await tx.run(
      `INSERT INTO item_events (item_id, type, actor_id, to_status, created_at)
       SELECT id, 'created', submitter_id, 'open', created_at FROM items WHERE id > ?
       UNION ALL SELECT id, 'done', claimant_id, 'done', done_at FROM items WHERE id > ? AND done_at IS NOT NULL
       ORDER BY 1, 2`,
      [lastId, lastId],
    );
    lastId = (await tx.get<{ id: number }>('SELECT max(id) AS id FROM items'))?.id ?? lastId;
  });
}
for (const index of indexes) await db.run(index.sql);
if (db.dialect === 'postgresql') await db.run('ANALYZE');
await db.close();
console.log(JSON.stringify({ items: N, communities: COMMUNITIES }));
