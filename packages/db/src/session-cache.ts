/**
 * The sessions this process found valid, by their stored id, for `ttlMs` (docs/adr/0068): every request looks its session
 * up, and on PGlite each lookup waited in the one connection's line. Whatever can change what a lookup answers (logout,
 * a password change, an admin's change to a person or a unit, a deactivation, a reset) is written through this process's
 * repositories, which forget the session or clear the cache after their commit; an expired session is refused by its
 * own expiry, cached or not. A lookup that began before a clear never stores its (possibly older) answer.
 */
export class SessionCache<T extends { expiresAt: Date }> {
  private readonly entries = new Map<string, { value: T; until: number }>();
  /** Raised by every forget/clear: a lookup stores its answer only if none happened while it read. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached session, if still fresh and unexpired at `now`. */
  get(id: string, now: number): T | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.until <= now || entry.value.expiresAt.getTime() <= now) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  /** Where a lookup starts: pass it to `remember`. */
  mark(): number {
    return this.generation;
  }

  /** Stores what a lookup that began at `mark` found, unless something was forgotten meanwhile. */
  remember(id: string, value: T, mark: number, now: number): void {
    if (mark !== this.generation || this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(id, { value, until: now + this.ttlMs });
  }

  forget(id: string): void {
    this.generation++;
    this.entries.delete(id);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

/** How long a found session is trusted without asking the database again (on a database this process holds alone). */
export const SESSION_CACHE_TTL_MS = 10_000;

const caches = new WeakMap<object, SessionCache<{ expiresAt: Date }>>();
/** The databases only this process can write (PGlite, in the process): there every change to a session passes here. */
const heldAlone = new WeakSet<object>();

/** Marks a database (its PrismaClient) as one no other process writes: its sessions may be cached. */
export function holdsDatabaseAlone(prisma: object): void {
  heldAlone.add(prisma);
}

/**
 * The session cache of a database (its PrismaClient): shared by the session and the admin repositories made on it.
 * Only a database this process holds alone caches (PGlite): on PostgreSQL several API processes may serve one
 * database (docs/adr/0017), and a logout or a deactivation in one must end the session in the others at once.
 */
export function sessionCacheOf<T extends { expiresAt: Date }>(prisma: object): SessionCache<T> {
  let cache = caches.get(prisma);
  if (!cache) {
    cache = new SessionCache(heldAlone.has(prisma) ? SESSION_CACHE_TTL_MS : 0);
    caches.set(prisma, cache);
  }
  return cache as SessionCache<T>;
}
