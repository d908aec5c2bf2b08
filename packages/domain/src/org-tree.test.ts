import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { ancestorsOf, dutyOfficesOf, governmentOf, isSubordinateOf } from './org-tree';
import { lincangTree } from './test-support/lincang-tree';

const ids = (units: { id: string }[]) => units.map((u) => u.id);

describe('ancestorsOf', () => {
  it('lists tree parents nearest first, up to the province', () => {
    // given
    const units = lincangTree();

    // when
    const ancestors = ancestorsOf(units, 'lx-yjj');

    // then
    expect(ids(ancestors)).toEqual(['lx-gov', 'lc-gov', 'yn-gov']);
  });

  it('is empty for the root and accepts an indexed tree', () => {
    // given
    const units = new Map(lincangTree().map((u) => [u.id, u]));

    // then
    expect(ancestorsOf(units, 'yn-gov')).toEqual([]);
    expect(ids(ancestorsOf(units, 'sj-mengmeng'))).toEqual(['sj-gov', 'lc-gov', 'yn-gov']);
  });

  it('refuses an unknown unit with UNIT_NOT_FOUND', () => {
    // when
    const call = () => ancestorsOf(lincangTree(), 'nowhere');

    // then
    expect(call).toThrow(DomainError);
    expect(call).toThrow('组织机构中没有单位 nowhere');
  });

  it('refuses a loop along parents with ORG_TREE_CYCLE', () => {
    // given: 云南省政府 made a child of 临翔区政府
    const units = lincangTree().map((u) => (u.id === 'yn-gov' ? { ...u, parentId: 'lx-gov' } : u));

    // when
    const error = (() => {
      try {
        ancestorsOf(units, 'lx-yjj');
      } catch (e) {
        return e;
      }
    })();

    // then
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('ORG_TREE_CYCLE');
  });
});

describe('isSubordinateOf', () => {
  const units = lincangTree();

  it.each([
    ['lx-yjj', 'lx-gov', 'its own government (tree parent)'],
    ['lx-yjj', 'lc-gov', 'the city government above its government'],
    ['lx-yjj', 'lc-yjj', 'its superior department'],
    ['lx-yjj', 'yn-yjt', "its superior department's superior department"],
    ['sj-slga', 'lc-slga', 'the city forest police above the county forest police'],
    ['sj-mengmeng', 'lc-gov', 'a town under the city'],
  ])('%s is subordinate of %s (%s)', (unitId, superiorId) => {
    expect(isSubordinateOf(units, unitId, superiorId)).toBe(true);
  });

  it.each([
    ['lx-yjj', 'lx-yjj', 'itself'],
    ['lx-yjj', 'sj-gov', 'another county'],
    ['sj-slga', 'lc-yjj', 'a superior department of another sector'],
    ['lc-gov', 'lx-gov', 'a unit below it'],
  ])('%s is not subordinate of %s (%s)', (unitId, superiorId) => {
    expect(isSubordinateOf(units, unitId, superiorId)).toBe(false);
  });

  it('refuses unknown ids', () => {
    expect(() => isSubordinateOf(units, 'lx-yjj', 'nowhere')).toThrow('组织机构中没有单位 nowhere');
    expect(() => isSubordinateOf(units, 'nowhere', 'lc-gov')).toThrow('组织机构中没有单位 nowhere');
  });
});

describe('governmentOf and dutyOfficesOf', () => {
  it('finds the government a department or duty office belongs to, and its duty office', () => {
    // given
    const units = lincangTree();

    // then
    expect(governmentOf(units, 'lx-yjj')?.id).toBe('lx-gov');
    expect(governmentOf(units, 'lx-duty')?.id).toBe('lx-gov');
    expect(governmentOf(units, 'lc-gov')?.id).toBe('lc-gov');
    expect(ids(dutyOfficesOf(units, 'lc-gov'))).toEqual(['lc-duty']);
    expect(dutyOfficesOf(units, 'sj-mengmeng')).toEqual([]);
  });

  it('walks up the tree when a department does not name its same-level government', () => {
    // given
    const units = lincangTree().map((u) => (u.id === 'lx-yjj' ? { ...u, sameLevelGovernmentId: null } : u));

    // then
    expect(governmentOf(units, 'lx-yjj')?.id).toBe('lx-gov');
  });
});
