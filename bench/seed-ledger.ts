// Seeds a SQLite ledger of N items quickly (raw prepared statements in one transaction), as a
// realistic district: 50 communities, a year of items, most of them confirmed.
// Usage: tsx bench/seed-ledger.ts <file.db> <items>
import Database from 'better-sqlite3';
import { migrate } from '../scripts/lib/migrate-dev.ts';

const [file, countArg] = process.argv.slice(2);
if (!file || !countArg) throw new Error('usage: seed-ledger.ts <file.db> <items>');
const N = Number(countArg);
const COMMUNITIES = 50;
const NOW = Date.parse('2026-11-23T01:00:00Z'); // Monday 09:00 Asia/Shanghai
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

await migrate(`file:${file}`);
const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = OFF');

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;

const categories = ['基础设施', '环境卫生', '治安安全', '养老助残', '就业创业', '政策咨询', '矛盾纠纷', '其他'];
const residentsPer = Math.max(20, Math.min(2000, Math.floor(N / COMMUNITIES / 5)));
db.transaction(() => {
  const community = db.prepare('INSERT INTO communities (name, created_at) VALUES (?, ?)');
  const person = db.prepare('INSERT INTO people (platform, platform_user_id, name, community_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const membership = db.prepare('INSERT INTO memberships (person_id, community_id, role, created_at) VALUES (?, ?, ?, ?)');
  const group = db.prepare('INSERT INTO group_chats (platform, conversation_id, community_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
  const t = iso(NOW - 400 * DAY);
  let pid = 0;
  for (let c = 1; c <= COMMUNITIES; c++) {
    community.run(`社区${c}`, t);
    group.run('sim', `g${c}`, c, t, t);
    for (let i = 0; i < residentsPer; i++) person.run('sim', `r${c}-${i}`, `居民${c}-${i}`, c, t, t), pid++;
    for (let i = 0; i < 20; i++) {
      person.run('sim', `m${c}-${i}`, `党员${c}-${i}`, c, t, t);
      membership.run(++pid, c, 'member', t);
    }
    person.run('sim', `o${c}`, `干部${c}`, c, t, t);
    membership.run(++pid, c, 'official', t);
  }
})();

const perCommunity = residentsPer + 21;
const item = db.prepare(`INSERT INTO items (kind, status, community_id, text, category, place, priority, deadline_at, submitter_id, claimant_id,
  rating, rating_comment, source_platform, version, created_at, updated_at, answered_at, answer_seconds, claimed_at, claim_seconds,
  activity_at, done_at, resolve_seconds, closed_at) VALUES (?, ?, ?, ?, ?, ?, 'normal', ?, ?, ?, ?, ?, 'sim', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const event = db.prepare('INSERT INTO item_events (item_id, type, actor_id, to_status, created_at) VALUES (?, ?, ?, ?, ?)');
const BATCH = 50_000;
for (let start = 0; start < N; start += BATCH) {
  db.transaction(() => {
    for (let k = start; k < Math.min(N, start + BATCH); k++) {
      const c = 1 + (k % COMMUNITIES);
      const base = (c - 1) * perCommunity;
      const submitter = base + 1 + Math.floor(random() * residentsPer);
      const member = base + residentsPer + 1 + Math.floor(random() * 20);
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
      const id = Number(
        item.run(
          kind, status, c, `第${k}件：${pick(['楼道灯坏了', '帮忙修水龙头', '垃圾没人清', '想学用手机', '陪老人看病'])}`,
          kind === 'report' ? pick(categories) : null, kind === 'report' ? `${1 + (k % 30)}号楼` : null,
          kind === 'report' ? iso(created + 7 * DAY) : null, submitter, claimed ? member : null,
          rating, rating && random() < 0.2 ? '谢谢，办得很好' : null,
          iso(created), iso(created), claimed ? iso(claimed) : null, claimed ? claimSec : null, claimed ? iso(claimed) : null,
          claimed ? claimSec : null, claimed ? iso(claimed) : null, done ? iso(done) : null, done ? Math.floor((done - created) / 1000) : null,
          closed ? iso(closed) : null,
        ).lastInsertRowid,
      );
      event.run(id, 'created', submitter, 'open', iso(created));
      if (done) event.run(id, 'done', member, 'done', iso(done));
    }
  })();
}
db.close();
console.log(JSON.stringify({ items: N, communities: COMMUNITIES }));
