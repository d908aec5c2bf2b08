import type { PGlite } from '@electric-sql/pglite';
import { statementHead as head } from './statement-counter';

/**
 * For benchmarks (`e2e --statements` on PGlite): the time spent inside PGlite's WebAssembly (each call of
 * `execProtocolRawSync`) by the statement it serves. A call's first message names it: Parse and Query carry the text,
 * Bind the prepared statement's name (known from its Parse); the calls that follow a Parse or Query of the unnamed
 * statement, up to its Sync, are its own.
 */
export interface StatementTimes {
  /** Milliseconds, calls and bytes answered by the start of the statement's text, since install. */
  read(): Map<string, StatementTime>;
}

export interface StatementTime {
  ms: number;
  calls: number;
  /** The bytes of the answers (their messages, which PGlite's JavaScript then parses). */
  bytes: number;
}

/** Patches PGlite's class: every instance of the process is timed from here on (the benchmark's server opens its database after). */
export async function timePGliteStatements(): Promise<StatementTimes> {
  const { PGlite } = await import('@electric-sql/pglite');
  const proto = PGlite.prototype as unknown as { execProtocolRawSync(message: Uint8Array): Uint8Array };
  const raw = proto.execProtocolRawSync;
  const byName = new Map<string, string>();
  const times = new Map<string, StatementTime>();
  let unnamed = '(unnamed)';
  proto.execProtocolRawSync = function (this: PGlite, message: Uint8Array) {
    const text = statementOf(message);
    const started = performance.now();
    let answer: Uint8Array | undefined;
    try {
      answer = raw.call(this, message);
      return answer;
    } finally {
      const entry = times.get(text) ?? { ms: 0, calls: 0, bytes: 0 };
      entry.ms += performance.now() - started;
      entry.calls++;
      entry.bytes += answer?.length ?? 0;
      times.set(text, entry);
    }
  };

  /**
   * Whether the call belongs to the sequence of the last unnamed statement (`query()`: Parse, Describe, Bind, Describe,
   * Execute, Sync, one call each) or simple query (`exec()`: Query, then Sync), up to its Sync.
   */
  let inUnnamed = false;
  function statementOf(message: Uint8Array): string {
    const type = String.fromCharCode(message[0]!);
    const body = message.subarray(5);
    if (type === 'Q') {
      [unnamed, inUnnamed] = [head(cString(body, 0).value), true];
      return unnamed;
    }
    if (type === 'P') {
      const name = cString(body, 0);
      const text = head(cString(body, name.next).value);
      if (name.value) byName.set(name.value, text);
      else [unnamed, inUnnamed] = [text, true];
      return text;
    }
    if (type === 'B') {
      const statement = cString(body, cString(body, 0).next).value;
      if (statement) return byName.get(statement) ?? `(prepared ${statement})`;
    }
    if (type === 'C') return '(close)';
    if (!inUnnamed) return `(${type} alone)`;
    if (type === 'S') inUnnamed = false;
    return unnamed;
  }

  return { read: () => new Map([...times].map(([text, t]) => [text, { ...t }])) };
}

function cString(bytes: Uint8Array, at: number): { value: string; next: number } {
  const end = bytes.indexOf(0, at);
  return { value: Buffer.from(bytes.subarray(at, end)).toString('utf8'), next: end + 1 };
}
