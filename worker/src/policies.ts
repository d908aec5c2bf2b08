import { policySchema, selectPolicy, type Policy } from '@kuaibao/domain';
import type { PolicyRepository } from '@kuaibao/db';

/**
 * The policy resolver handlers use: the newest deployed version of each jurisdiction's policy (read from
 * `jurisdiction_policy`, validated again), nearest up the division tree, else the default.
 */
export function deployedPolicies(repository: Pick<PolicyRepository, 'latest'>): (jurisdiction: string) => Promise<Policy | undefined> {
  return async (jurisdiction) => {
    const policies = new Map((await repository.latest()).map((content) => policySchema.parse(content)).map((p) => [p.code, p] as const));
    return selectPolicy(policies, jurisdiction);
  };
}
