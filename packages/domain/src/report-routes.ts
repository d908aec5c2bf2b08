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

/** The grades whose report may go up before 核实 and 审签 (000 二（三）, 三（二）二): 重大 and 特别重大. */
export const IMMEDIATE_REPORT_MIN_SEVERITY = 'II' as const;

/**
 * 越级 before 核实 and 审签, only where 000 allows an immediate report: 二（三）"对已达到或经综合研判可能达到重特大级别
 * 标准的突发事件信息，要立即电话报告" and 三（二）二 (特别重大、重大: 30 分钟内电话报告, no 核实 named), 三（二）三
 * (重要紧急情况和敏感信息……应立即报送). A 较大 (Ⅲ) report is not among them: 三（二）一 asks for "经过核实的信息", and
 * the notice's opening condemns 双江县森林公安局 reporting upward alone, unverified and unsigned (ADR 0030). `mayEscalate`
 * is the reporter's 综合研判 that it may reach that level.
 */
export function isUrgent(report: UrgencyInput): boolean {
  return Boolean(report.sensitive || report.mayEscalate) || (report.severity !== 'ungraded' && isAtLeast(report.severity, IMMEDIATE_REPORT_MIN_SEVERITY));
}

/** The switches of the default flow for one report, as process variables (`routes.*` in FEEL conditions). */
export interface ReportRoutes {
  /** Send a direct (越级) copy to the city duty office at once, besides the level-by-level route (000). */
  directToCityDutyOffice: boolean;
  /** The city duty office approves before the report goes to a provincial superior department (004: no 信息倒流). */
  cityApprovalBeforeSuperior: boolean;
  /**
   * The superior department is provincial: receiving the report starts the province's own clock where the policy sets
   * one (002 一（三）"省人民政府要在接到报告后4小时内上报国务院", docs/adr/0057).
   */
  provincialRecipient: boolean;
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
    provincialRecipient: recipients.superiorDepartment?.level === 'province',
  };
}
