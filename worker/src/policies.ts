import { policySchema, selectPolicy, type Policy } from '@kuaibao/domain';
import type { PolicyRepository } from '@kuaibao/db';

const versionKey = (p: { code: string; version: number }) => `${p.code}@${p.version}`;

/**
 * The policy resolver handlers use: the newest deployed version of each jurisdiction's policy (read from
 * `jurisdiction_policy`, validated again), nearest up the division tree, else the default.
 * A stored version never changes (PolicyVersionConflict), so each is parsed once: a resolution reads which versions are
 * in effect (one small statement) and the documents only when one of them is new here (docs/adr/0068).
 */
export function deployedPolicies(repository: Pick<PolicyRepository, 'latest' | 'latestVersions'>): (jurisdiction: string) => Promise<Policy | undefined> {
  const parsed = new Map<string, Policy>();
  return async (jurisdiction) => {
    const at = new Date();
    const versions = await repository.latestVersions(at);
    let current = versions.map((v) => parsed.get(versionKey(v))).filter((p): p is Policy => p !== undefined);
    if (current.length < versions.length) {
      current = (await repository.latest(at)).map((content) => policySchema.parse(content));
      for (const policy of current) parsed.set(versionKey(policy), policy);
    }
    return selectPolicy(new Map(current.map((p) => [p.code, p] as const)), jurisdiction);
  };
}
