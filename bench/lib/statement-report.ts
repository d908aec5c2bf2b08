/** Prints the statements run between two readings of `statementsByText()`, per report, most frequent first. */
export function printStatements(tag: string, before: Map<string, number>, after: Map<string, number>, reports: number): void {
  const rows = [...after].map(([text, n]) => [text, (n - (before.get(text) ?? 0)) / Math.max(1, reports)] as const).filter(([, n]) => n > 0);
  for (const [text, n] of rows.sort((a, b) => b[1] - a[1])) process.stderr.write(`[${tag}] ${n.toFixed(2).padStart(7)} per report  ${text}\n`);
}
