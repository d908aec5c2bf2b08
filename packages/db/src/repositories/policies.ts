import { createHash } from 'node:crypto';
import { beijingDay } from '@kuaibao/domain';
import type { Prisma, PrismaClient } from '@prisma/client';
import { preparedClient } from '../prepared-client';

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

/** Who saved a policy version in the designer's form, when and why (`policy_edit`). */
export interface PolicyEditInput {
  baseVersion: number | null;
  comment: string;
  savedBy: string;
  savedByName: string;
  changes: string[];
}

export interface PolicyVersionRow {
  version: number;
  effectiveFrom: string;
  deployedAt: Date;
  content: unknown;
  edit: { baseVersion: number | null; comment: string; savedBy: string; savedByName: string; savedAt: Date; changes: string[] } | null;
}

const checksumFor = (policy: unknown) => createHash('sha256').update(canonical(policy)).digest('hex');

/** Deployed jurisdiction policies (`jurisdiction_policy`): versioned, append-only (docs/adr/0009). */
export function createPolicyRepository(prisma: PrismaClient) {
  const raw = preparedClient(prisma);
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
        const checksum = checksumFor(policy);
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

    /**
     * The newest version of every code in effect at `at` (its `effectiveFrom`, a Beijing day, has come): what new
     * reports are resolved with. A version saved to take effect later waits for its day.
     */
    async latest(at: Date = new Date()): Promise<unknown[]> {
      const rows = await raw.$queryRaw<{ content: unknown }[]>`/* prepared */
        SELECT DISTINCT ON (code) content FROM jurisdiction_policy WHERE effective_from <= ${beijingDay(at)} ORDER BY code, version DESC`;
      return rows.map((r) => r.content);
    },

    /**
     * Which version of every code `latest(at)` gives, without the documents: a stored version never changes, so a
     * caller that parsed a version once can keep it (the flow resolves a policy twice per report; docs/adr/0068).
     */
    latestVersions: async (at: Date = new Date()): Promise<{ code: string; version: number }[]> => raw.$queryRaw`/* prepared */
      SELECT DISTINCT ON (code) code, version FROM jurisdiction_policy WHERE effective_from <= ${beijingDay(at)} ORDER BY code, version DESC`,

    /** Every version of one code, newest first, with the designer's edit where one wrote it. */
    async versions(code: string): Promise<PolicyVersionRow[]> {
      const [rows, edits] = await Promise.all([
        prisma.jurisdictionPolicy.findMany({ where: { code }, orderBy: { version: 'desc' } }),
        prisma.policyEdit.findMany({ where: { code } }),
      ]);
      const editOf = new Map(edits.map((e) => [e.version, e]));
      return rows.map((r) => {
        const e = editOf.get(r.version);
        return {
          version: r.version,
          effectiveFrom: r.effectiveFrom,
          deployedAt: r.deployedAt,
          content: r.content,
          edit: e ? { baseVersion: e.baseVersion, comment: e.comment, savedBy: e.savedBy, savedByName: e.savedByName, savedAt: e.savedAt, changes: e.changes as string[] } : null,
        };
      });
    },

    /**
     * Stores a version written in the designer's form with its audit, in one transaction. False when that version
     * exists already (someone saved first): the caller answers 409, nothing is written.
     */
    async saveEdit<P extends PolicyDocument>(policy: P, edit: PolicyEditInput, at: Date): Promise<boolean> {
      try {
        await prisma.$transaction([
          prisma.jurisdictionPolicy.create({
            data: { code: policy.code, version: policy.version, name: policy.name, effectiveFrom: policy.effectiveFrom, content: policy as unknown as Prisma.InputJsonValue, checksum: checksumFor(policy), deployedAt: at },
          }),
          prisma.policyEdit.create({ data: { code: policy.code, version: policy.version, effectiveFrom: policy.effectiveFrom, ...edit, savedAt: at } }),
        ]);
        return true;
      } catch (error) {
        // A unique violation (however the driver adapter words it): the version is there now
        const taken = await prisma.jurisdictionPolicy.findUnique({ where: { code_version: { code: policy.code, version: policy.version } }, select: { version: true } });
        if (taken) return false;
        throw error;
      }
    },

    /** One exact version: the evidence a 迟报 cites. */
    async get(code: string, version: number): Promise<unknown> {
      const row = await prisma.jurisdictionPolicy.findUnique({ where: { code_version: { code, version } } });
      return row?.content ?? null;
    },
  };
}

export type PolicyRepository = ReturnType<typeof createPolicyRepository>;
