import type { Policy } from './policy';

/** The code of the policy that applies where no jurisdiction up the tree has its own. */
export const DEFAULT_POLICY_CODE = 'default';

/**
 * The codes to try for a division, nearest first: the county, the city, the province, then the default.
 * 530902 (临翔区) → 530902, 530900 (临沧市), 530000 (云南省), default; a town's 9-digit code starts at its county.
 */
export function policyCandidates(divisionCode: string): string[] {
  const county = divisionCode.slice(0, 6);
  if (!/^\d{6}$/.test(county)) return [DEFAULT_POLICY_CODE];
  const codes = [county, `${county.slice(0, 4)}00`, `${county.slice(0, 2)}0000`, DEFAULT_POLICY_CODE];
  return [...new Set(codes)];
}

/**
 * The policy for a report: the nearest jurisdiction's up the division tree, else the default. A code
 * that is not a division code (a practice such as the 003 市委 one) is only found when asked for by name.
 */
export function selectPolicy(policies: ReadonlyMap<string, Policy>, jurisdiction: string): Policy | undefined {
  const direct = policies.get(jurisdiction);
  if (direct) return direct;
  for (const code of policyCandidates(jurisdiction)) {
    const found = policies.get(code);
    if (found) return found;
  }
  return undefined;
}
