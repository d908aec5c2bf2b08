import { candidateGroup, DomainError, orgUnitSchema, reportRecipients, reportRoutes, severitySchema, type OrgUnit } from '@kuaibao/domain';
import type { OrgUnitRow } from '@kuaibao/db';
import { complete, fail } from '@kuaibao/engine';
import { z } from 'zod';
import { withVariables, type Handler } from '../handler';
import type { HandlerDeps } from './deps';

export const recipientSchema = z.object({ id: z.string(), name: z.string() });

const variablesSchema = z.object({
  reportId: z.string().min(1),
  reportingUnitId: z.string().min(1),
  /** What makes a report urgent (越级, 000); absent in reports started before they were passed. */
  severity: severitySchema.default('ungraded'),
  sensitive: z.boolean().default(false),
  mayEscalate: z.boolean().default(false),
});

export const toOrgUnit = (row: OrgUnitRow): OrgUnit => orgUnitSchema.parse({ ...row, nameEn: row.nameEn ?? undefined });

/**
 * 确定报送对象: the recipients of this unit's report from the org tree (domain `reportRecipients`),
 * the candidate groups of every step of the flow, and the flow switches of the jurisdiction's policy
 * (`routes`: 越级 copy, city approval before a provincial superior department — domain `reportRoutes`). A tree that lacks a recipient is a data
 * error no retry fixes: the job fails at once and an admin sees the incident with the reason.
 */
export function resolveRecipientsHandler(deps: HandlerDeps): Handler {
  return withVariables(variablesSchema, async (variables) => {
    const units = (await deps.orgUnits.all()).map(toOrgUnit);
    try {
      const found = reportRecipients(units, variables.reportingUnitId);
      const { superiorDepartment, sameLevelGovernment, sameLevelDutyOffice, cityDutyOffice } = found;
      if (!superiorDepartment || !sameLevelGovernment || !sameLevelDutyOffice || !cityDutyOffice) {
        return fail(`单位 ${variables.reportingUnitId} 不适用默认报送流程（缺少上级主管部门或同级政府）`, { retries: 0 });
      }
      const asRecipient = (unit: OrgUnit) => ({ id: unit.id, name: unit.name });
      const reportingUnit = units.find((u) => u.id === variables.reportingUnitId)!;
      const policy = await deps.policies(reportingUnit.divisionCode);
      if (!policy) return fail(`辖区 ${reportingUnit.divisionCode} 没有报送政策（也没有默认政策）`, { retries: 0 });
      const routes = reportRoutes(policy, variables, found);
      return complete({
        routes: {
          ...routes, policyCode: policy.code, policyVersion: policy.version,
          // Whose policy sets the province's own clock: the provincial recipient's jurisdiction (docs/adr/0057).
          provinceJurisdiction: routes.provincialRecipient ? superiorDepartment.divisionCode : null,
        },
        recipients: {
          superiorDepartment: asRecipient(superiorDepartment),
          sameLevelGovernment: asRecipient(sameLevelGovernment),
          sameLevelDutyOffice: asRecipient(sameLevelDutyOffice),
          cityDutyOffice: asRecipient(cityDutyOffice),
          // The direct copy is a delivery of its own (its own row and receipt), to the same office.
          cityDutyOfficeDirect: routes.directToCityDutyOffice ? asRecipient(cityDutyOffice) : null,
        },
        groups: {
          verifier: candidateGroup(variables.reportingUnitId, 'verifier'),
          leader: candidateGroup(variables.reportingUnitId, 'leader'),
          superiorDuty: candidateGroup(superiorDepartment.id, 'duty_officer'),
          governmentDuty: candidateGroup(sameLevelDutyOffice.id, 'duty_officer'),
          cityDuty: candidateGroup(cityDutyOffice.id, 'duty_officer'),
        },
      });
    } catch (error) {
      if (error instanceof DomainError) return fail(`组织机构树缺少报送对象：${error.message}`, { retries: 0 });
      throw error;
    }
  });
}
