import { describe, expect, it } from 'vitest';
import { whoMustAct } from './who-must-act';

describe('whoMustAct', () => {
  it('names the user holding the task, whoever else may claim it', () => {
    // given
    const task = { assignee: 'lx_verifier', candidateGroups: ['unit:lx-yjj:verifier'], candidateUsers: ['lx_leader'] };
    // when // then
    expect(whoMustAct(task)).toEqual({ kind: 'assignee', username: 'lx_verifier' });
  });

  it('names each unit and role of the candidate groups, then the candidate users, each once', () => {
    const task = { assignee: null, candidateGroups: ['unit:lx-yjj:verifier', 'unit:lc-duty:duty_officer', 'unit:lx-yjj:verifier'], candidateUsers: ['lx_leader', 'lx_leader'] };
    expect(whoMustAct(task)).toEqual({
      kind: 'candidates',
      candidates: [
        { kind: 'group', unitId: 'lx-yjj', role: 'verifier' },
        { kind: 'group', unitId: 'lc-duty', role: 'duty_officer' },
        { kind: 'user', username: 'lx_leader' },
      ],
    });
  });

  it('keeps a group it cannot read as it is, and says when no one is named', () => {
    expect(whoMustAct({ assignee: null, candidateGroups: ['ops', 'unit:lx-yjj:nobody'], candidateUsers: [] })).toEqual({
      kind: 'candidates',
      candidates: [{ kind: 'other', group: 'ops' }, { kind: 'other', group: 'unit:lx-yjj:nobody' }],
    });
    expect(whoMustAct({ assignee: null, candidateGroups: [], candidateUsers: [] })).toEqual({ kind: 'candidates', candidates: [] });
  });
});
