import type { StatementTime } from '@kuaibao/db';

/** Prints the statements run between two readings of `statementsByText()`, per report, most frequent first. */
export function printStatements(tag: string, before: Map<string, number>, after: Map<string, number>, reports: number): void {
  const rows = [...after].map(([text, n]) => [text, (n - (before.get(text) ?? 0)) / Math.max(1, reports)] as const).filter(([, n]) => n > 0);
  for (const [text, n] of rows.sort((a, b) => b[1] - a[1])) process.stderr.write(`[${tag}] ${n.toFixed(2).padStart(7)} per report  ${text}\n`);
}

/** Prints the time between two readings per report, most first, with the total. */
export function printStatementTimes(tag: string, before: Map<string, StatementTime>, after: Map<string, StatementTime>, reports: number): void {
  const per = Math.max(1, reports);
  const rows = [...after]
    .map(([text, t]) => {
      const was = before.get(text) ?? { ms: 0, calls: 0, bytes: 0 };
      return { text, ms: (t.ms - was.ms) / per, calls: (t.calls - was.calls) / per, bytes: (t.bytes - was.bytes) / per };
    })
    .filter((r) => r.calls > 0)
    .sort((a, b) => b.ms - a.ms);
  const total = rows.reduce((sum, r) => sum + r.ms, 0);
  const bytes = rows.reduce((sum, r) => sum + r.bytes, 0);
  process.stderr.write(`[${tag}] ${total.toFixed(1)} ms and ${(bytes / 1024).toFixed(1)} KB of answers per report inside PGlite's WebAssembly\n`);
  for (const r of rows.slice(0, 25)) {
    const line = `${r.ms.toFixed(2).padStart(7)} ms ${r.calls.toFixed(1).padStart(6)} calls ${(r.bytes / 1024).toFixed(1).padStart(6)} KB per report`;
    process.stderr.write(`[${tag}] ${line}  ${r.text}\n`);
  }
}
