import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';

/** What is stored of a policy: its identity and the validated file content (the domain parses it again on read). */
export interface PolicyDocument {
  code: string;
  version: number;
  name: string;
  effectiveFrom: string;
}

/** A policy whose file changed without a new version: a stored version is never overwritten. */
export class PolicyVersionConflict extends Error {
  override readonly name = 'PolicyVersionConflict';
  constructor(readonly code: string, readonly version: number) {
    super(`Jurisdiction policy ${code} version ${version} is already deployed with other content: raise "version" in its policy.json`);
  }
}

/** The stable JSON of a document (sorted keys), so the checksum does not depend on key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Deployed jurisdiction policies (`jurisdiction_policy`): versioned, append-only (docs/adr/0009). */
export function createPolicyRepository(prisma: PrismaClient) {
  return {
    /**
     * Stores each policy version not stored yet; an unchanged version is left alone, a changed one
     * without a new version number is refused. Returns the versions it added.
     */
    async deploy<P extends PolicyDocument>(policies: readonly P[], at: Date = new Date()): Promise<{ code: string; version: number }[]> {
      const added: { code: string; version: number }[] = [];
      // One read for all (a start deploys every policy; most are there already)
      const deployed = await prisma.jurisdictionPolicy.findMany({
        where: { code: { in: policies.map((p) => p.code) } },
        select: { code: true, version: true, checksum: true },
      });
      const checksumOf = new Map(deployed.map((d) => [`${d.code}@${d.version}`, d.checksum]));
      for (const policy of policies) {
        const checksum = createHash('sha256').update(canonical(policy)).digest('hex');
        const existingChecksum = checksumOf.get(`${policy.code}@${policy.version}`);
        const existing = existingChecksum === undefined ? null : { checksum: existingChecksum };
        if (existing) {
          if (existing.checksum !== checksum) throw new PolicyVersionConflict(policy.code, policy.version);
          continue;
        }
        await prisma.jurisdictionPolicy.createMany({
          data: [{ code: policy.code, version: policy.version, name: policy.name, effectiveFrom: policy.effectiveFrom, content: policy as unknown as Prisma.InputJsonValue, checksum, deployedAt: at }],
          skipDuplicates: true,
        });
        added.push({ code: policy.code, version: policy.version });
      }
      return added;
    },

    /** The newest version of every code: what new reports are resolved with. */
    async latest(): Promise<unknown[]> {
      const rows = await prisma.jurisdictionPolicy.findMany({ orderBy: [{ code: 'asc' }, { version: 'desc' }], distinct: ['code'] });
      return rows.map((r) => r.content);
    },

    /** One exact version: the evidence a 迟报 cites. */
    async get(code: string, version: number): Promise<unknown> {
      const row = await prisma.jurisdictionPolicy.findUnique({ where: { code_version: { code, version } } });
      return row?.content ?? null;
    },
  };
}

export type PolicyRepository = ReturnType<typeof createPolicyRepository>;
