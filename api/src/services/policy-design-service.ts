import { beijingDay, policySchema, previewPolicy, selectPolicy, type Policy, type PolicySample, type SessionUser } from '@kuaibao/domain';
import type { ApiDeps } from '../deps';
import { AppError, bilingual, invalidField, validationFailed } from '../errors/app-error';
import { assertDesigns } from './designer-access';

/** The fields of a policy the form edits; the code, version and effective date are the server's to set. */
export type EditablePolicy = Omit<Policy, 'code' | 'version' | 'effectiveFrom'>;

const policyNotFound = (code: string) => new AppError('NOT_FOUND', bilingual(`辖区 ${code} 没有适用的时限政策`, `No deadline policy applies to ${code}`));

/** Every leaf path where two JSON values differ ("clocks.0.within", "reminders.1"): the audit's change list. */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => changedPaths(before[k], after[k], prefix ? `${prefix}.${k}` : k));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [prefix || '(root)'];
}

/** The policy a jurisdiction edits: its own newest version (a later-effective one included), else the one it inherits. */
async function basePolicy(deps: ApiDeps, jurisdiction: string) {
  const versions = await deps.policyStore.versions(jurisdiction);
  if (versions[0]) return { policy: policySchema.parse(versions[0].content), own: true, versions };
  const inherited = selectPolicy(new Map((await deps.policyStore.latest(deps.now())).map((c) => policySchema.parse(c)).map((p) => [p.code, p] as const)), jurisdiction);
  if (!inherited) throw policyNotFound(jurisdiction);
  return { policy: inherited, own: false, versions };
}

/** 时限政策: the jurisdiction's policy to edit, the one in effect today, and every version with who saved it. */
export async function getPolicy(deps: ApiDeps, user: SessionUser, jurisdiction: string) {
  await assertDesigns(deps, user, jurisdiction);
  const { policy, own, versions } = await basePolicy(deps, jurisdiction);
  const today = beijingDay(deps.now());
  return {
    jurisdiction,
    policy,
    inheritedFrom: own ? null : policy.code,
    inEffect: versions.find((v) => v.effectiveFrom <= today)?.version ?? null,
    versions: versions.map((v) => ({
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      savedAt: (v.edit?.savedAt ?? v.deployedAt).toISOString(),
      savedBy: v.edit?.savedByName ?? null,
      comment: v.edit?.comment ?? null,
      changes: v.edit?.changes ?? [],
    })),
  };
}

/** The full policy from the form's fields, validated by the domain's schema: 400 with `policy.<path>` otherwise. */
function validPolicy(fields: Record<string, unknown>, identity: { code: string; version: number; effectiveFrom: string }): Policy {
  const parsed = policySchema.safeParse({ ...fields, ...identity });
  if (!parsed.success) throw validationFailed(parsed.error.issues.map((issue) => ({ ...issue, path: ['policy', ...issue.path] })));
  return parsed.data;
}

/**
 * Saves the form as the jurisdiction's next policy version, effective from a Beijing day (today or later). Reports
 * already running keep the version their clocks were resolved with; new ones take this from its day. 409 when someone
 * saved since `baseVersion`. The version and its audit (who, when, why, the changed fields) are one transaction.
 */
export async function savePolicy(deps: ApiDeps, user: SessionUser, jurisdiction: string, input: { baseVersion: number | null; effectiveFrom: string; comment: string; policy: Record<string, unknown> }) {
  await assertDesigns(deps, user, jurisdiction);
  const today = beijingDay(deps.now());
  if (input.effectiveFrom < today) throw invalidField('effectiveFrom', bilingual(`生效日期不能早于今天（${today}）`, `The effective date cannot be before today (${today})`));
  const { policy: base, own, versions } = await basePolicy(deps, jurisdiction);
  const newest = own ? versions[0]!.version : null;
  const stale = () =>
    new AppError('CONFLICT', bilingual(`时限政策已被他人保存为第 ${versions[0]?.version ?? '?'} 版，请重新打开后再修改`, `The policy was saved by someone else since; open it again`), [], { current: newest });
  if (input.baseVersion !== newest) throw stale();
  const next = (newest ?? 0) + 1;
  const policy = validPolicy(input.policy, { code: jurisdiction, version: next, effectiveFrom: input.effectiveFrom });
  const strip = ({ version: _v, effectiveFrom: _e, code: _c, ...rest }: Policy) => rest;
  const changes = changedPaths(strip(base), strip(policy));
  if (input.effectiveFrom !== base.effectiveFrom) changes.push('effectiveFrom');
  const saved = await deps.policyStore.saveEdit(policy, { baseVersion: newest, comment: input.comment, savedBy: user.id, savedByName: user.displayName, changes }, deps.now());
  if (!saved) throw stale();
  return { jurisdiction, version: next, effectiveFrom: policy.effectiveFrom, changes, policy };
}

/** The deadlines a policy in the form would set for a sample report, computed as the clocks compute them. */
export async function previewPolicyFor(deps: ApiDeps, user: SessionUser, jurisdiction: string, input: { policy: Record<string, unknown>; sample: PolicySample }) {
  await assertDesigns(deps, user, jurisdiction);
  const policy = validPolicy(input.policy, { code: jurisdiction, version: 1, effectiveFrom: beijingDay(deps.now()) });
  return previewPolicy(policy, input.sample);
}
