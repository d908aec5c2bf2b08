import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { parse as pgliteParse, protocol, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite';
import type pg from 'pg';

/**
 * The engine's step statements (engine-store-sql.ts) begin with this comment: their text is constant, so the
 * driver runs them as named prepared statements, parsed and planned once per connection (docs/adr/0058).
 * They still go through Prisma's raw queries, on the step's transaction, beside the business writes.
 */
export const PREPARED = '/* prepared */';

const DUPLICATE_PREPARED_STATEMENT = '42P05';
const names = new Map<string, string>();

/** A name derived from the text: the same text always gets the same name (a connection refuses a name reused for another text). */
const hashedName = (prefix: string, text: string) => `${prefix}${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;

/** A marked statement's name, remembered (marked texts are few and constant). */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = hashedName('kb_', text);
    names.set(text, name);
  }
  return name;
}

const isPrepared = (text: unknown): text is string => typeof text === 'string' && text.startsWith(PREPARED);

/** Runs a marked statement (text with $n placeholders) on the driver, outside Prisma: its result as the driver gives it. */
export type DirectRun = (text: string, values: unknown[]) => Promise<{ rows: unknown[]; affectedRows?: number }>;

/** How the engine store runs marked statements on a database without Prisma's raw-query layer. */
export interface DirectQueries {
  /** Outside a transaction. */
  root: DirectRun;
  /** Runs `open`, which opens a Prisma transaction, such that `current()` inside it runs on that transaction's connection. */
  within<T>(open: () => Promise<T>): Promise<T>;
  /** Inside the transaction `within` opened: its connection, or null if it cannot be reached (then Prisma runs them). */
  current(): DirectRun | null;
}

/**
 * The PrismaClients whose database can run the engine's marked statements directly, without Prisma's raw-query layer
 * (its query compiler and conversions cost about a fifth of a step's CPU, docs/adr/0058).
 */
export const directQueries = new WeakMap<object, DirectQueries>();

/** PGlite has one session: inside the open Prisma transaction, every statement is in it. */
export function pgliteDirectQueries(statements: PGlitePreparedStatements): DirectQueries {
  const inTransaction = statements.direct(true);
  return { root: statements.direct(false), within: (open) => open(), current: () => inTransaction };
}

/**
 * pg: the connection of a Prisma transaction is the adapter's; `within` notes it when the adapter opens the transaction
 * (`startTransaction` runs in the async context of the `$transaction` call).
 */
export function pgDirectQueries(pool: pg.Pool, adapter: { connect(): Promise<unknown> }): DirectQueries {
  const transactions = new AsyncLocalStorage<{ client?: pg.PoolClient }>();
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const connected = (await connect()) as { startTransaction(...args: unknown[]): Promise<unknown> };
    const start = connected.startTransaction.bind(connected);
    connected.startTransaction = async (...args: unknown[]) => {
      const tx = (await start(...args)) as { client?: pg.PoolClient };
      const slot = transactions.getStore();
      if (slot && !slot.client) slot.client = tx.client;
      return tx;
    };
    return connected;
  };
  const on = (db: pg.Pool | pg.PoolClient): DirectRun => async (text, values) => {
    const result = await db.query({ name: statementName(text), text, values });
    return { rows: result.rows, affectedRows: result.rowCount ?? 0 };
  };
  return {
    root: on(pool),
    within: (open) => transactions.run({}, open),
    current: () => {
      const client = transactions.getStore()?.client;
      return client ? on(client) : null;
    },
  };
}

/** pg: a marked statement gets a name; pg parses a named statement once per connection and binds it afterwards. */
export function prepareMarkedStatements(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
      if (config && typeof config === 'object' && isPrepared((config as { text?: unknown }).text) && !('name' in config)) {
        const text = (config as { text: string }).text;
        return query({ ...config, name: statementName(text) }, ...rest);
      }
      return query(config, ...rest);
    };
  });
}

type Queryable = Pick<Transaction, 'query'>;

/** How many statements besides the marked ones a PGlite database keeps prepared; the least recently run is closed first. */
export const UNMARKED_PREPARED_LIMIT = 256;

/** SQLSTATE of a prepared statement whose result columns changed since it was prepared (a table altered under it). */
const RESULT_TYPE_CHANGED = '0A000';

interface PreparedStatement {
  name: string;
  /** Parameter types, as PostgreSQL inferred them when it parsed the text. */
  types: number[];
}

/**
 * PGlite: `query()` sends Parse, Describe, Bind, Describe, Execute and Sync as six calls into its WebAssembly, and
 * PostgreSQL parses and plans the text every time. A statement with parameters is parsed (with its parameter types)
 * once per database, then each run is one call: Bind, Describe, Execute, Sync of the named statement. Marked
 * statements stay prepared; the others (Prisma's, the repositories' and the read models' queries: their texts repeat
 * too) are kept up to `unmarkedLimit`, least recently run closed first (docs/adr/0058, 0077).
 */
export class PGlitePreparedStatements {
  private readonly marked = new Map<string, PreparedStatement>();
  /** Unmarked statements by text, in the order they were last run (a Map keeps insertion order). */
  private readonly unmarked = new Map<string, PreparedStatement>();

  constructor(
    private readonly db: PGlite,
    private readonly unmarkedLimit = UNMARKED_PREPARED_LIMIT,
  ) {}

  /** The adapter's queryable (PGlite or its open transaction), with statements that have parameters run prepared. */
  wrap<T extends Queryable>(client: T, inTransaction: boolean): T {
    const query = (text: string, params?: unknown[], options?: QueryOptions) =>
      preparable(text, params, options) ? this.run(text, params ?? [], options, inTransaction) : client.query(text, params, options);
    // The adapter opens its transactions on PGlite itself: their queryable is wrapped too.
    const transaction = (fn: (tx: Transaction) => Promise<unknown>) => (client as unknown as PGlite).transaction((tx) => fn(this.wrap(tx, true)));
    return new Proxy(client, {
      get: (target, property) => {
        if (property === 'query') return query;
        if (property === 'transaction' && !inTransaction) return transaction;
        return bound(target, property);
      },
    });
  }

  /** Runs marked statements without Prisma (see directQueries). */
  direct(inTransaction: boolean): DirectRun {
    return (text, values) => this.run(text, values, undefined, inTransaction);
  }

  private run(text: string, params: unknown[], options: QueryOptions | undefined, inTransaction: boolean): Promise<Results> {
    const db = this.db as PGlite & { _runExclusiveTransaction<R>(fn: () => Promise<R>): Promise<R> };
    const run = () => db.runExclusive(() => this.execute(text, params, options));
    // Outside a transaction, wait for the open one to end, as query() does: a statement must not run inside another's transaction.
    return inTransaction ? run() : db._runExclusiveTransaction(run);
  }

  private async execute(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Results> {
    const statement = await this.statement(text);
    try {
      return await this.executePrepared(statement, params, options);
    } catch (error) {
      // A table altered since the statement was parsed: parse it again. Outside a transaction the run is retried at
      // once; inside one the failed statement ended the transaction, so the caller sees the error (as after any failed
      // statement) and the next run parses the text anew.
      if ((error as { code?: string }).code !== RESULT_TYPE_CHANGED) throw error;
      await this.forget(text);
      if (this.db.isInTransaction()) throw error;
      return this.executePrepared(await this.statement(text), params, options);
    }
  }

  private async executePrepared({ name, types }: PreparedStatement, params: unknown[], options: QueryOptions | undefined): Promise<Results> {
    const { serialize } = protocol;
    const serializers = this.db.serializers;
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = options?.serializers?.[types[i]!] ?? serializers[types[i]!];
      return serializer ? serializer(value) : String(value);
    });
    const { messages } = await this.db.execProtocol(
      concat([serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
      { syncToFs: false },
    );
    if (!this.db.isInTransaction()) await this.db.syncToFs();
    return pgliteParse.parseResults(messages, this.db.parsers, options)[0]!;
  }

  /** The text's prepared statement, parsing it first if this database has not (closing the least recently run unmarked one beyond the limit). */
  private async statement(text: string): Promise<PreparedStatement> {
    if (isPrepared(text)) {
      let statement = this.marked.get(text);
      if (!statement) {
        statement = await this.prepare(statementName(text), text);
        this.marked.set(text, statement);
      }
      return statement;
    }
    let statement = this.unmarked.get(text);
    if (statement) {
      this.unmarked.delete(text);
    } else {
      while (this.unmarked.size >= this.unmarkedLimit) await this.forget(this.unmarked.keys().next().value!);
      // Not remembered beside the statement: unmarked texts are many, e.g. Prisma's lists of as many placeholders as values.
      statement = await this.prepare(hashedName('kb_u_', text), text);
    }
    this.unmarked.set(text, statement);
    return statement;
  }

  /** Parses the statement under its name and reads its parameter types (a name already parsed on this database is only described). */
  private async prepare(name: string, text: string): Promise<PreparedStatement> {
    const { serialize } = protocol;
    const describe = concat([serialize.describe({ type: 'S', name }), serialize.sync()]);
    const parsed = await this.db
      .execProtocol(concat([serialize.parse({ name, text }), describe]), { syncToFs: false })
      .catch(async (error: unknown) => {
        if ((error as { code?: string }).code !== DUPLICATE_PREPARED_STATEMENT) throw error;
        return this.db.execProtocol(describe, { syncToFs: false });
      });
    return { name, types: pgliteParse.parseDescribeStatementResults(parsed.messages) };
  }

  /** Closes the text's prepared statement (closing one is not transactional and works inside a failed transaction too). */
  private async forget(text: string) {
    const statements = isPrepared(text) ? this.marked : this.unmarked;
    const statement = statements.get(text);
    if (!statement) return;
    statements.delete(text);
    const { serialize } = protocol;
    await this.db.execProtocol(concat([serialize.close({ type: 'S', name: statement.name }), serialize.sync()]), { syncToFs: false });
  }
}

/**
 * Run prepared: a statement with parameters (one command; PostgreSQL refuses parameters in a script). Not one that
 * reads or writes PGlite's /dev/blob (COPY), which `query()` sets up around the statement.
 */
function preparable(text: string, params: unknown[] | undefined, options: QueryOptions | undefined): boolean {
  return isPrepared(text) || (params !== undefined && params.length > 0 && options?.blob === undefined);
}

function bound(target: object, property: string | symbol) {
  const value = Reflect.get(target, property) as unknown;
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
