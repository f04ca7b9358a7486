// One process asking the shared rate limiter as fast as it can, for test/outbox/rate-limiter.test.ts:
// `node --import tsx rate-limit-worker.ts <databaseUrl> <key> <perMinute> <startMs> <ticks> <stepMs> <perTick>`.
// Prints one JSON line: the (virtual) times it was granted, and how many of its writes lost a race.
import { openDatabase } from '../../src/db/open-database.ts';
import { createLogger } from '../../src/log.ts';
import { RateLimiter } from '../../src/outbox/rate-limiter.ts';

const [url, key, perMinute, start, ticks, step, perTick] = process.argv.slice(2);
const db = await openDatabase(url!, createLogger('silent'), { poolSize: Number(perTick) });
const limiter = new RateLimiter(db);
const granted: number[] = [];
for (let i = 0; i < Number(ticks); i++) {
  const t = Number(start) + i * Number(step);
  const answers = await Promise.all(Array.from({ length: Number(perTick) }, () => limiter.reserve(key!, Number(perMinute), new Date(t))));
  for (const a of answers) if (a.ok) granted.push(t);
}
await db.close();
console.log(JSON.stringify({ granted, conflicts: limiter.conflicts }));
