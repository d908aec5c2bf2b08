import { describe, expect, it } from 'vitest';
import { makeOrgUnitSchema, orgUnitSchema } from './org';
import { makeOrgTreeSchema, orgTreeSchema } from './org-tree-schema';
import { lincangTree } from './test-support/lincang-tree';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

const indexOf = (id: string) => lincangTree().findIndex((u) => u.id === id);

const county = { id: 'lx-yjj', code: '530902-YJ', name: '临翔区应急管理局', kind: 'department', level: 'county', divisionCode: '530902', parentId: 'lx-gov' };

describe('orgUnitSchema', () => {
  it('accepts a department and fills absent links with null', () => {
    // when
    const unit = orgUnitSchema.parse(county);

    // then
    expect(unit).toMatchObject({ parentId: 'lx-gov', superiorDepartmentId: null, sameLevelGovernmentId: null });
  });

  it.each([
    ['province', '530900', '行政区划代码与层级不符：省级应形如 530000'],
    ['city', '530902', '行政区划代码与层级不符：市级应形如 530900'],
    ['county', '530900', '行政区划代码与层级不符：县级应形如 530902'],
    ['town', '530902', '行政区划代码与层级不符：乡镇（街道）应形如 530902001'],
  ])('refuses a %s unit with division code %s', (level, divisionCode, message) => {
    // when
    const result = orgUnitSchema.safeParse({ ...county, level, divisionCode, code: `${divisionCode}-YJ` });

    // then
    expect(issuesOf(result)).toEqual([['divisionCode', message]]);
  });

  it.each([
    ['department', '530902'],
    ['department', '530925-YJ'],
    ['department', '530902-yj'],
    ['government', '530902-ZF'],
  ])('refuses a %s coded %s', (kind, code) => {
    expect(issuesOf(orgUnitSchema.safeParse({ ...county, kind, code }))[0]?.[0]).toBe('code');
  });

  it('names missing fields in English when asked', () => {
    expect(issuesOf(makeOrgUnitSchema('en').safeParse({ ...county, name: undefined, kind: 'bureau' }))).toEqual([
      ['name', 'Name is required'],
      ['kind', 'Unit kind is not valid; choose one of: government（Government）、party_committee（Party committee）、department（Department）、duty_office（Duty office）'],
    ]);
  });
});

describe('orgTreeSchema', () => {
  it('accepts the 临沧 tree', () => {
    expect(orgTreeSchema.safeParse(lincangTree()).success).toBe(true);
  });

  it('reports each broken link at its unit and field', () => {
    // given
    const units = lincangTree().map((u) => {
      if (u.id === 'lx-yjj') return { ...u, superiorDepartmentId: 'yn-yjt' }; // two levels up
      if (u.id === 'sj-yjj') return { ...u, sameLevelGovernmentId: 'lc-gov' }; // not the same level
      if (u.id === 'sj-slga') return { ...u, parentId: 'gone' };
      return u;
    });

    // when
    const issues = issuesOf(orgTreeSchema.safeParse(units));

    // then
    expect(issues).toEqual([
      [`${indexOf('lx-yjj')}.superiorDepartmentId`, '上级主管部门须为上一级的部门'],
      [`${indexOf('sj-yjj')}.sameLevelGovernmentId`, '同级政府须为同一层级的人民政府'],
      [`${indexOf('sj-slga')}.parentId`, '上级单位指向不存在的单位：gone'],
    ]);
  });

  it('refuses duplicate ids, units outside their parent division, and loops', () => {
    // given
    const tree = lincangTree();
    const units = [
      ...tree.map((u) => (u.id === 'lc-gov' ? { ...u, parentId: 'sj-mengmeng' } : u)),
      { ...tree[0]! },
      { ...tree.find((u) => u.id === 'sj-gov')!, id: 'bj-dongcheng', code: '110101', divisionCode: '110101', name: '东城区人民政府' },
    ];

    // when
    const issues = issuesOf(makeOrgTreeSchema().safeParse(units));

    // then
    expect(issues).toContainEqual([`${tree.length}.id`, '单位 ID 重复：yn-gov']);
    expect(issues).toContainEqual([`${tree.length + 1}.divisionCode`, '单位的行政区划不在上级单位的行政区划内']);
    expect(issues).toContainEqual([`${indexOf('lc-gov')}.divisionCode`, '单位的行政区划不在上级单位的行政区划内']);
    expect(issues).toContainEqual([`${indexOf('lc-gov')}.parentId`, '组织机构树存在循环：lc-gov']);
  });
});
