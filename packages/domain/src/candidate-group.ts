import { DomainError } from './errors';
import { isRole, type Role } from './roles';
import type { User } from './user';

/**
 * Candidate groups of user tasks: `unit:<unitId>:<role>`, e.g. `unit:lx-yjj:verifier` (核实人 of
 * 临翔区应急管理局) or `unit:lc-duty:duty_officer`. A user holds the groups of their roles in their unit.
 * Unit ids must not contain ':' so the name parses back unambiguously.
 */
const GROUP_PATTERN = /^unit:([^:\s]+):([a-z_]+)$/;

export interface CandidateGroup { unitId: string; role: Role }

export function candidateGroup(unitId: string, role: Role): string {
  const group = `unit:${unitId}:${role}`;
  if (!GROUP_PATTERN.test(group) || !isRole(role)) throw new DomainError('INVALID_CANDIDATE_GROUP', { group });
  return group;
}

/** The unit and role a group names; DomainError INVALID_CANDIDATE_GROUP for anything else. */
export function parseCandidateGroup(group: string): CandidateGroup {
  const match = GROUP_PATTERN.exec(group);
  const role = match?.[2];
  if (!match || !isRole(role)) throw new DomainError('INVALID_CANDIDATE_GROUP', { group });
  return { unitId: match[1]!, role };
}

export function isCandidateGroup(group: string): boolean {
  return GROUP_PATTERN.test(group) && isRole(GROUP_PATTERN.exec(group)?.[2]);
}

/** The groups whose tasks a user may claim: one per role in their unit. */
export function candidateGroupsOf(user: Pick<User, 'unitId' | 'roles'>): string[] {
  return user.roles.map((role) => candidateGroup(user.unitId, role));
}
