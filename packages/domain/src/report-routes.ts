import type { OrgUnit } from './org';
import type { Policy } from './policy';
import { isAtLeast, type Severity } from './report-enums';

/** What decides whether a report is urgent in the sense of 000, 001 and 002. */
export interface UrgencyInput {
  severity: Severity;
  sensitive?: boolean;
  /** May become 较大 or worse. */
  mayEscalate?: boolean;
}

/**
 * 越级: sensitive (敏感), may become 较大 or worse, or already graded 较大 or worse. 000 一: "尤其对较大级以上突发
 * 事件和敏感信息……情况紧急的，在逐级报送的同时，可以直接向市政府总值班室报送"; 001 二 and 002 一（三）: sensitive
 * reports and those that may escalate go up at once, whatever their grade.
 */
export function isUrgent(report: UrgencyInput): boolean {
  return Boolean(report.sensitive || report.mayEscalate) || (report.severity !== 'ungraded' && isAtLeast(report.severity, 'III'));
}

/** The switches of the default flow for one report, as process variables (`routes.*` in FEEL conditions). */
export interface ReportRoutes {
  /** Send a direct (越级) copy to the city duty office at once, besides the level-by-level route (000). */
  directToCityDutyOffice: boolean;
  /** The city duty office approves before the report goes to a provincial superior department (004: no 信息倒流). */
  cityApprovalBeforeSuperior: boolean;
}

/**
 * The flow switches the jurisdiction's policy sets for this report and reporting unit: never an `if`
 * on a jurisdiction, only the policy's flags, the report's urgency and the org tree.
 */
export function reportRoutes(
  policy: Pick<Policy, 'directToCityDutyOfficeWhenUrgent' | 'requiresCityApprovalForProvince'>,
  report: UrgencyInput,
  recipients: { superiorDepartment?: Pick<OrgUnit, 'level'> | undefined; cityDutyOffice?: unknown },
): ReportRoutes {
  return {
    directToCityDutyOffice: policy.directToCityDutyOfficeWhenUrgent && recipients.cityDutyOffice !== undefined && isUrgent(report),
    cityApprovalBeforeSuperior: policy.requiresCityApprovalForProvince && recipients.superiorDepartment?.level === 'province',
  };
}
