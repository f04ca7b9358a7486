/**
 * How fast platforms are delivering messages now, from when each was stored. Two readings:
 * a burst (`burstCount` messages within `burstMs`: handling takes shorter turns) and a flood
 * (more than `floodPerSecond` over the last `floodMs`: handling also leaves the thread to the
 * callbacks most of the time). `now` is a monotonic clock in milliseconds.
 */
export class Arrivals {
  readonly #ring: number[] = [];
  #next = 0;
  readonly #buckets: number[];
  readonly #bucketMs: number;
  #bucketAt = 0;
  readonly #opts: { burstCount: number; burstMs: number; floodPerSecond: number; floodMs: number };
  readonly #now: () => number;

  constructor(opts: { burstCount: number; burstMs: number; floodPerSecond: number; floodMs: number }, now: () => number = () => performance.now()) {
    this.#opts = opts;
    this.#now = now;
    this.#buckets = new Array<number>(10).fill(0);
    this.#bucketMs = opts.floodMs / 10;
  }

  note(): void {
    const t = this.#now();
    this.#ring[this.#next] = t;
    this.#next = (this.#next + 1) % this.#opts.burstCount;
    this.#advance(t);
    this.#buckets[Math.floor(t / this.#bucketMs) % 10]!++;
  }

  inBurst(): boolean {
    const oldest = this.#ring[this.#next];
    return this.#ring.length === this.#opts.burstCount && oldest !== undefined && this.#now() - oldest < this.#opts.burstMs;
  }

  inFlood(): boolean {
    if (!Number.isFinite(this.#opts.floodPerSecond)) return false;
    this.#advance(this.#now());
    const count = this.#buckets.reduce((a, b) => a + b, 0);
    return (count * 1000) / this.#opts.floodMs > this.#opts.floodPerSecond;
  }

  /** Empties the buckets the clock has moved past since the last call. */
  #advance(t: number): void {
    const current = Math.floor(t / this.#bucketMs);
    const from = Math.max(this.#bucketAt + 1, current - 9);
    for (let b = from; b <= current; b++) this.#buckets[b % 10] = 0;
    if (current > this.#bucketAt) this.#bucketAt = current;
  }
}
