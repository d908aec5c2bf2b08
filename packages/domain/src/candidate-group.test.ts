import { describe, expect, it } from 'vitest';
import { candidateGroup, candidateGroupsOf, isCandidateGroup, parseCandidateGroup } from './candidate-group';
import { DomainError } from './errors';
import { ROLES } from './user';

describe('candidate groups', () => {
  it('are named unit:<unitId>:<role>', () => {
    expect(candidateGroup('lx-yjj', 'verifier')).toBe('unit:lx-yjj:verifier');
  });

  it.each(ROLES)('round-trip for role %s', (role) => {
    // when
    const parsed = parseCandidateGroup(candidateGroup('lc-duty', role));

    // then
    expect(parsed).toEqual({ unitId: 'lc-duty', role });
  });

  it.each(['lx-yjj:verifier', 'unit:lx-yjj', 'unit:lx-yjj:mayor', 'unit::leader', 'unit:a:b:leader', 'role:lx-yjj:leader'])('reject %s', (group) => {
    expect(isCandidateGroup(group)).toBe(false);
    expect(() => parseCandidateGroup(group)).toThrow(DomainError);
  });

  it('refuse unit ids that would not parse back', () => {
    expect(() => candidateGroup('a:b', 'leader')).toThrow('候选组格式无效：unit:a:b:leader（应为 unit:<单位ID>:<角色>）');
    expect(() => candidateGroup('', 'leader')).toThrow(DomainError);
  });

  it('of a user are one per role in their unit', () => {
    expect(candidateGroupsOf({ unitId: 'lc-duty', roles: ['duty_officer', 'leader'] })).toEqual(['unit:lc-duty:duty_officer', 'unit:lc-duty:leader']);
  });
});
