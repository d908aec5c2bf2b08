/**
 * For benchmarks: counts the SQL statements and transactions that go through Prisma's driver adapter (PGlite's or pg's), by
 * wrapping the adapters' prototypes: every raw query and every Prisma query of the process, BEGIN/COMMIT
 * left out of the statements (PGlite's adapter does not send them as queries; pg's does).
 */
interface Counts {
  statements: number;
  transactions: number;
}

const counts: Counts = { statements: 0, transactions: 0 };
/** Statements by the start of their text (for `statementsByText`): which statements a report runs. */
const byText = new Map<string, number>();
/** A statement's text without comments, on one line, its first 70 characters: how the benchmarks name it. */
export const statementHead = (sql: string) => sql.replace(/\/\*[^*]*\*\//g, '').replace(/\s+/g, ' ').trim().slice(0, 70);
let installed = false;
/** Whether statements are also counted by text (statementsByText): a regex per statement, so only when asked. */
let byTextToo = false;

type Proto = Record<string, unknown>;
const CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i;

function wrap(queryable: Proto, adapter: Proto) {
  const performIO = queryable.performIO as (this: unknown, query: { sql: string }) => Promise<unknown>;
  queryable.performIO = function (this: unknown, query: { sql: string }) {
    if (!CONTROL.test(query.sql)) noteStatement(query.sql);
    return performIO.call(this, query);
  };
  const startTransaction = adapter.startTransaction as (this: unknown, ...args: unknown[]) => Promise<unknown>;
  adapter.startTransaction = function (this: unknown, ...args: unknown[]) {
    counts.transactions++;
    return startTransaction.apply(this, args);
  };
}

export async function installStatementCounter(options: { byText?: boolean } = {}): Promise<void> {
  byTextToo ||= options.byText ?? false;
  if (installed) return;
  installed = true;
  const [{ PrismaPGlite }, { PrismaPg }] = await Promise.all([import('pglite-prisma-adapter'), import('@prisma/adapter-pg')]);
  // Adapters made over inert clients, only to reach their classes' prototypes.
  const pglite = await new PrismaPGlite({} as never).connect();
  wrap(Object.getPrototypeOf(Object.getPrototypeOf(pglite)) as Proto, Object.getPrototypeOf(pglite) as Proto);
  const pg = await new PrismaPg({ on() {}, removeListener() {} } as never).connect();
  wrap(Object.getPrototypeOf(Object.getPrototypeOf(pg)) as Proto, Object.getPrototypeOf(pg) as Proto);
}

export const statementCounts = (): Counts => ({ ...counts });

/** Statements counted so far, by the start of their text. */
export const statementsByText = (): Map<string, number> => new Map(byText);

/** Counts a statement run on the driver without Prisma's adapter (prepared-statements.ts). */
export function noteStatement(sql: string): void {
  if (!installed) return;
  counts.statements++;
  if (!byTextToo) return;
  const text = statementHead(sql);
  byText.set(text, (byText.get(text) ?? 0) + 1);
}
