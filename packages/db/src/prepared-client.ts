import { Prisma, type PrismaClient } from '@prisma/client';
import { directQueries, PREPARED, type DirectRun } from './prepared-statements';
import { noteStatement } from './statement-counter';

/** What runs raw statements: a Prisma client or transaction, or one that sends marked statements to the driver. */
export type RawClient = Pick<PrismaClient | Prisma.TransactionClient, '$queryRaw' | '$executeRaw'>;

/**
 * A raw client whose marked statements (`/* prepared *\/`) run straight on the driver as prepared statements, the
 * others through Prisma (`via`): Prisma's raw-query layer costs several times the statement itself (docs/adr/0058,
 * 0066). The rows come back as the driver parses them: int8 as a number or a bigint, so cast counts to int.
 */
export function directClient(via: RawClient, run: DirectRun): RawClient {
  const marked = (strings: unknown) => Array.isArray(strings) && typeof strings[0] === 'string' && strings[0].startsWith(PREPARED);
  const direct = (strings: TemplateStringsArray, values: unknown[]) => {
    const query = Prisma.sql(strings, ...(values as Prisma.Sql[]));
    noteStatement(query.text);
    return run(query.text, query.values);
  };
  const queryRaw = (strings: TemplateStringsArray, ...values: unknown[]) =>
    marked(strings) ? direct(strings, values).then((result) => result.rows) : via.$queryRaw(strings, ...values);
  const executeRaw = (strings: TemplateStringsArray, ...values: unknown[]) =>
    marked(strings) ? direct(strings, values).then((result) => result.affectedRows ?? 0) : via.$executeRaw(strings, ...values);
  return { $queryRaw: queryRaw, $executeRaw: executeRaw } as unknown as RawClient;
}

/** `prisma`'s raw client for statements outside a transaction, with marked statements on the driver where it can run them. */
export function preparedClient(prisma: PrismaClient): RawClient {
  const direct = directQueries.get(prisma);
  return direct ? directClient(prisma, direct.root) : prisma;
}

/** `tx` (a Prisma client or transaction) with its raw statements sent to `raw` (its other methods are its own). */
export function withRawClient<T extends RawClient>(tx: T, raw: RawClient): T {
  return new Proxy(tx, {
    get: (target, property) => (property === '$queryRaw' || property === '$executeRaw' ? raw[property] : Reflect.get(target, property)),
  });
}

/**
 * `prisma.$transaction`, with `fn` given the transaction and the raw client its marked statements run prepared on (the
 * transaction's connection, where the driver can; else the transaction itself). The engine's steps and the submit's
 * writes open their transactions here (docs/adr/0058, 0068).
 */
export function openPreparedTransaction<T>(
  prisma: PrismaClient,
  fn: (tx: Prisma.TransactionClient, raw: RawClient) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  const direct = directQueries.get(prisma);
  const open = () =>
    prisma.$transaction((tx) => {
      const run = direct?.current();
      return fn(tx, run ? directClient(tx, run) : tx);
    }, options);
  return direct ? direct.within(open) : open();
}

/**
 * `prisma.$transaction(fn)` whose marked statements run prepared on the transaction's connection, as an engine step's do
 * (docs/adr/0058, 0068); its Prisma calls and unmarked statements run on the transaction as usual.
 */
export function preparedTransaction<T>(
  prisma: PrismaClient,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  options?: { maxWait?: number; timeout?: number },
): Promise<T> {
  return openPreparedTransaction(prisma, (tx, raw) => fn(raw === tx ? tx : withRawClient(tx, raw)), options);
}
