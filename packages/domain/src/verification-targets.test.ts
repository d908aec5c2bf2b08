import { describe, expect, it } from 'vitest';
import { lincangTree } from './test-support/lincang-tree';
import { verificationTargetProblem, verificationTargets } from './verification-targets';

describe('who a 核报 may go to', () => {
  const units = lincangTree();

  it('lets the city duty office ask the reporting unit, the units above it and the duty offices of the governments above it', () => {
    // when
    const targets = verificationTargets(units, { requesterUnitId: 'lc-duty', reportingUnitId: 'lx-yjj' }).map((u) => u.id);

    // then: not 双江 (nothing to do with a 临翔 incident), not the province (above the requester), not itself
    expect(targets.sort()).toEqual(['lc-yjj', 'lx-duty', 'lx-gov', 'lx-yjj'].sort());
  });

  it('names why a unit may not be asked', () => {
    const ask = (requesterUnitId: string, targetUnitId: string) => verificationTargetProblem(units, { requesterUnitId, targetUnitId, reportingUnitId: 'lx-yjj' });
    expect(ask('lc-duty', 'sj-yjj')).toBe('notAnswerable');
    expect(ask('lc-duty', 'yn-yjt')).toBe('notBelowRequester');
    expect(ask('lx-duty', 'lc-yjj')).toBe('notBelowRequester');
    expect(ask('lc-duty', 'lc-duty')).toBe('notBelowRequester');
    expect(ask('lc-duty', 'no-such-unit')).toBe('unknownUnit');
    expect(ask('lx-duty', 'lx-yjj')).toBeNull();
  });
});
