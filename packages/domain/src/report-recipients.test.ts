import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import type { OrgUnit } from './org';
import { reportRecipients, reportRecipientsSchema } from './report-recipients';
import { lincangTree, unit } from './test-support/lincang-tree';

const idsOf = (recipients: Record<string, OrgUnit | undefined>) => Object.fromEntries(Object.entries(recipients).map(([role, u]) => [role, u?.id]));

function domainErrorOf(call: () => unknown): DomainError {
  try {
    call();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('reportRecipients', () => {
  it('sends a county department report to its superior department and its government (双重上报), and names the city duty office', () => {
    // given
    const units = lincangTree();

    // when
    const recipients = reportRecipients(units, 'lx-yjj');

    // then
    expect(idsOf(recipients)).toEqual({
      superiorDepartment: 'lc-yjj',
      sameLevelGovernment: 'lx-gov',
      sameLevelDutyOffice: 'lx-duty',
      cityDutyOffice: 'lc-duty',
    });
    expect(reportRecipientsSchema.parse(recipients)).toEqual(recipients);
  });

  it('follows the sector: 双江县森林公安局 reports to 临沧市森林公安局, not to the emergency bureau', () => {
    expect(idsOf(reportRecipients(lincangTree(), 'sj-slga'))).toEqual({
      superiorDepartment: 'lc-slga',
      sameLevelGovernment: 'sj-gov',
      sameLevelDutyOffice: 'sj-duty',
      cityDutyOffice: 'lc-duty',
    });
  });

  it('gives a city department the province department above and its own city government', () => {
    expect(idsOf(reportRecipients(lincangTree(), 'lc-yjj'))).toEqual({
      superiorDepartment: 'yn-yjt',
      sameLevelGovernment: 'lc-gov',
      sameLevelDutyOffice: 'lc-duty',
      cityDutyOffice: 'lc-duty',
    });
  });

  it('gives a county or town government only the city duty office', () => {
    expect(idsOf(reportRecipients(lincangTree(), 'lx-gov'))).toEqual({ cityDutyOffice: 'lc-duty' });
    expect(idsOf(reportRecipients(lincangTree(), 'sj-mengmeng'))).toEqual({ cityDutyOffice: 'lc-duty' });
  });

  it('gives a province department no superior department and no city duty office', () => {
    expect(idsOf(reportRecipients(lincangTree(), 'yn-yjt'))).toEqual({ sameLevelGovernment: 'yn-gov', sameLevelDutyOffice: 'yn-duty' });
  });

  it('refuses a department below province level without a superior department (NO_RECIPIENT)', () => {
    // when: 临沧市森林公安局 has no superior department in the fixture
    const error = domainErrorOf(() => reportRecipients(lincangTree(), 'lc-slga'));

    // then
    expect(error.code).toBe('NO_RECIPIENT');
    expect(error.params).toEqual({ recipient: 'superiorDepartment', unitId: 'lc-slga' });
    expect(error.message).toBe('组织机构树缺少报送对象：上级主管部门（报送单位 lc-slga）');
    expect(error.messageIn('en')).toBe('The org tree lacks a recipient: Superior department (reporting unit lc-slga)');
  });

  it('refuses when a superior department id points nowhere', () => {
    // given
    const units = lincangTree().filter((u) => u.id !== 'lc-yjj');

    // then
    expect(domainErrorOf(() => reportRecipients(units, 'lx-yjj')).params.recipient).toBe('superiorDepartment');
  });

  it('refuses when the same-level government has no duty office', () => {
    // given
    const units = lincangTree().filter((u) => u.id !== 'lx-duty');

    // when
    const error = domainErrorOf(() => reportRecipients(units, 'lx-yjj'));

    // then
    expect(error.code).toBe('NO_RECIPIENT');
    expect(error.message).toBe('组织机构树缺少报送对象：同级政府值班室（报送单位 lx-yjj）');
  });

  it('refuses when the city government has no duty office', () => {
    // given
    const units = lincangTree().filter((u) => u.id !== 'lc-duty');

    // then
    expect(domainErrorOf(() => reportRecipients(units, 'lx-gov')).params).toEqual({ recipient: 'cityDutyOffice', unitId: 'lx-gov' });
  });

  it('refuses a government with two duty offices (AMBIGUOUS_RECIPIENT)', () => {
    // given
    const units = [...lincangTree(), unit('lx-duty2', '临翔区应急值班室', 'duty_office', 'county', '530902', { suffix: 'YJZB', parentId: 'lx-gov' })];

    // when
    const error = domainErrorOf(() => reportRecipients(units, 'lx-yjj'));

    // then
    expect(error.code).toBe('AMBIGUOUS_RECIPIENT');
    expect(error.params.candidates).toBe('lx-duty2, lx-duty'); // ordered by code: 530902-YJZB, 530902-ZBS
  });

  it('refuses an unknown reporting unit (UNIT_NOT_FOUND)', () => {
    expect(domainErrorOf(() => reportRecipients(lincangTree(), 'nowhere')).code).toBe('UNIT_NOT_FOUND');
  });
});
