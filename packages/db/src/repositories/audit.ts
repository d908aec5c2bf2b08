import type { Prisma, PrismaClient } from '@prisma/client';

export interface AuditEntry {
  incidentNumber: string;
  reportId?: string | null;
  actorId?: string | null;
  actorName: string;
  action: string;
  detail?: Record<string, unknown>;
  ip?: string | null;
  /** Set by at-least-once writers (job handlers): a second write with the same key is ignored. */
  dedupeKey?: string | null;
  at?: Date;
}

type Client = PrismaClient | Prisma.TransactionClient;

/** Why an entry breaks its incident's chain: its content no longer matches its hash, or an entry before it is gone or moved. */
export type ChainProblem = 'altered' | 'unlinked' | 'missing';

/** How an incident's trail stands: intact, or the first entry where its chain breaks (docs/adr/0026). */
export interface ChainCheck {
  incidentNumber: string;
  entries: number;
  intact: boolean;
  broken: { id: string; chainSeq: number | null; at: Date; action: string; problem: ChainProblem } | null;
}

interface ChainRow {
  incident_number: string;
  id: bigint;
  chain_seq: number | null;
  at: Date;
  action: string;
  altered: boolean;
  unlinked: boolean;
  missing: boolean;
}

/**
 * Every entry of the chosen incidents checked against its chain, in chain order: its hash recomputed from its content and
 * the previous hash it names (audit_event_hash, the insert trigger's), the previous hash it names against the entry
 * before it, and its place against its position (a removed entry leaves a hole).
 */
const chainRows = (client: Client, incidentNumber: string | null) => client.$queryRaw<ChainRow[]>`
  SELECT incident_number, id, chain_seq, at, action,
    hash IS NULL OR hash IS DISTINCT FROM audit_event_hash(prev_hash, e) AS altered,
    prev_hash IS DISTINCT FROM lag(hash) OVER chain AS unlinked,
    chain_seq IS DISTINCT FROM row_number() OVER chain AS missing
  FROM audit_event e
  WHERE ${incidentNumber}::text IS NULL OR incident_number = ${incidentNumber}
  WINDOW chain AS (PARTITION BY incident_number ORDER BY chain_seq, id)
  ORDER BY incident_number, chain_seq, id`;

function checksOf(rows: ChainRow[]): ChainCheck[] {
  const checks = new Map<string, ChainCheck>();
  for (const row of rows) {
    const check = checks.get(row.incident_number) ?? { incidentNumber: row.incident_number, entries: 0, intact: true, broken: null };
    checks.set(row.incident_number, check);
    check.entries++;
    const problem: ChainProblem | null = row.altered ? 'altered' : row.missing ? 'missing' : row.unlinked ? 'unlinked' : null;
    if (problem && check.intact) {
      check.intact = false;
      check.broken = { id: String(row.id), chainSeq: row.chain_seq, at: row.at, action: row.action, problem };
    }
  }
  return [...checks.values()];
}

export function createAuditRepository(prisma: PrismaClient) {
  return {
    append: (entry: AuditEntry, client: Client = prisma) => appendAudit(client, entry),
    forIncident: (incidentNumber: string) =>
      prisma.auditEvent.findMany({ where: { incidentNumber }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
    /** Whether an incident's trail is its unbroken hash chain (an incident with no entries is intact). */
    async verify(incidentNumber: string): Promise<ChainCheck> {
      return checksOf(await chainRows(prisma, incidentNumber))[0] ?? { incidentNumber, entries: 0, intact: true, broken: null };
    },
    /** Every incident's chain checked: the admin's verify command. */
    async verifyAll(): Promise<{ incidents: number; entries: number; broken: ChainCheck[] }> {
      const checks = checksOf(await chainRows(prisma, null));
      return { incidents: checks.length, entries: checks.reduce((n, c) => n + c.entries, 0), broken: checks.filter((c) => !c.intact) };
    },
  };
}

/**
 * Appends an entry to its incident's trail (pass a transaction client to write it with the rest of a step). The database
 * chains it (the insert trigger sets its place, the previous hash and its hash) and refuses any later change (ADR 0026).
 */
/**
 * One entry, its place in the chain set by the insert trigger. A marked statement: inside an engine step it runs
 * prepared on the step's connection (EngineStoreOps.handle), elsewhere through Prisma (docs/adr/0066); a repeated
 * `dedupeKey` is ignored, as `createMany({ skipDuplicates })` did.
 */
export async function appendAudit(client: Client, entry: AuditEntry): Promise<void> {
  const detail = (entry.detail ?? {}) as Prisma.InputJsonValue;
  const at = entry.at ?? new Date();
  await client.$executeRaw`/* prepared */
    INSERT INTO audit_event (incident_number, report_id, at, actor_id, actor_name, action, detail, ip, dedupe_key)
    VALUES (${entry.incidentNumber}, ${entry.reportId ?? null}, ${at}, ${entry.actorId ?? null}, ${entry.actorName}, ${entry.action},
            ${detail}::jsonb, ${entry.ip ?? null}, ${entry.dedupeKey ?? null})
    ON CONFLICT (dedupe_key) DO NOTHING`;
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
