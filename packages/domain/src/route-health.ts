import { DomainError } from './errors';
import { labels } from './labels';
import type { Locale } from './messages';
import type { OrgUnit } from './org';
import { indexUnits } from './org-tree';
import type { Policy } from './policy';
import { reportRecipients, type ReportRecipients } from './report-recipients';
import { SEVERITIES, type Severity } from './report-enums';
import { reportRoutes } from './report-routes';
import type { Role } from './user';

/**
 * 路由检查 (docs/adr/0029): for every unit that can file a report, every grade and every route the jurisdiction's
 * policy opens (逐级 and 双重上报, 越级, the 004 approval before a provincial department, 核报), is there an active
 * unit with an active person in the role each step waits on? Each missing one is a gap: a step that would wait forever.
 */
export const ROUTE_STEPS = [
  'submit', 'verify', 'signOff', 'recipients', 'superiorReceipt', 'governmentReceipt', 'cityReceipt', 'direct', 'upwardApproval', 'verificationAnswer', 'policy',
] as const;
export type RouteStep = (typeof ROUTE_STEPS)[number];

export interface RouteHealthPerson {
  unitId: string;
  roles: readonly string[];
  active: boolean;
}

export type RoutePolicy = Pick<Policy, 'code' | 'directToCityDutyOfficeWhenUrgent' | 'requiresCityApprovalForProvince'>;

export interface RouteGap {
  /** The unit where someone is missing (or whose tree lacks a recipient). */
  unitId: string;
  unitName: string;
  /** The role nobody active holds there; null for a tree or policy gap. */
  role: Role | null;
  step: RouteStep;
  /** The grades of report that take this step (越级 only from 较大 or when sensitive). */
  grades: Severity[];
  /** The units whose reports stop here. */
  reportingUnits: { id: string; name: string }[];
  message: Record<Locale, string>;
}

export interface RouteHealth {
  checkedUnits: number;
  gaps: RouteGap[];
}

/** Units that file reports through the default flow: active departments below the province. */
export const reportsThroughDefaultFlow = (unit: OrgUnit) => unit.active && unit.kind === 'department' && unit.level !== 'province';

/**
 * The gaps of the reports of `reportingUnitIds` (every unit of a scope that files reports), read from the whole tree
 * (recipients may lie outside the scope, such as the province), the people, and the policy of each unit's division.
 */
export function routeHealth(input: {
  units: readonly OrgUnit[];
  people: readonly RouteHealthPerson[];
  policyFor: (divisionCode: string) => RoutePolicy | undefined;
  reportingUnitIds: Iterable<string>;
}): RouteHealth {
  const index = indexUnits(input.units);
  const holders = new Set(input.people.filter((p) => p.active).flatMap((p) => p.roles.map((role) => `${p.unitId}|${role}`)));
  const staffed = (unit: OrgUnit, role: Role) => unit.active && holders.has(`${unit.id}|${role}`);
  const gaps = new Map<string, Omit<RouteGap, 'message'>>();
  const gap = (at: OrgUnit, role: Role | null, step: RouteStep, grade: Severity, from: OrgUnit) => {
    const key = `${at.id}|${role}|${step}`;
    const found = gaps.get(key) ?? { unitId: at.id, unitName: at.name, role, step, grades: [], reportingUnits: [] };
    if (!found.grades.includes(grade)) found.grades.push(grade);
    if (!found.reportingUnits.some((u) => u.id === from.id)) found.reportingUnits.push({ id: from.id, name: from.name });
    gaps.set(key, found);
  };

  let checkedUnits = 0;
  for (const id of input.reportingUnitIds) {
    const unit = index.get(id);
    if (!unit || !reportsThroughDefaultFlow(unit)) continue;
    checkedUnits++;
    const policy = input.policyFor(unit.divisionCode);
    let recipients: ReportRecipients | undefined;
    try {
      recipients = reportRecipients(index, unit.id);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
    for (const grade of SEVERITIES) {
      const need = (at: OrgUnit | undefined, role: Role, step: RouteStep) => {
        if (at && !staffed(at, role)) gap(at, role, step, grade, unit);
      };
      need(unit, 'reporter', 'submit');
      need(unit, 'verifier', 'verify');
      need(unit, 'leader', 'signOff');
      if (!staffed(unit, 'verifier') && !staffed(unit, 'leader')) gap(unit, 'verifier', 'verificationAnswer', grade, unit);
      if (!policy) gap(unit, null, 'policy', grade, unit);
      if (!recipients?.superiorDepartment || !recipients.sameLevelDutyOffice || !recipients.cityDutyOffice) {
        gap(unit, null, 'recipients', grade, unit);
        continue;
      }
      need(recipients.superiorDepartment, 'duty_officer', 'superiorReceipt');
      need(recipients.sameLevelDutyOffice, 'duty_officer', 'governmentReceipt');
      need(recipients.cityDutyOffice, 'duty_officer', 'cityReceipt');
      if (!policy) continue;
      const routes = reportRoutes(policy, { severity: grade }, recipients);
      if (routes.directToCityDutyOffice) need(recipients.cityDutyOffice, 'duty_officer', 'direct');
      if (routes.cityApprovalBeforeSuperior) need(recipients.cityDutyOffice, 'duty_officer', 'upwardApproval');
    }
  }
  return { checkedUnits, gaps: [...gaps.values()].map((g) => ({ ...g, message: { 'zh-CN': gapMessage(g, 'zh-CN'), en: gapMessage(g, 'en') } })) };
}

const CONSEQUENCE: Record<RouteStep, Record<Locale, string>> = {
  submit: { 'zh-CN': '本单位无法填报', en: 'the unit cannot file a report' },
  verify: { 'zh-CN': '本单位报告无法核实', en: "the unit's reports cannot be verified" },
  signOff: { 'zh-CN': '本单位报告无法审签', en: "the unit's reports cannot be signed off" },
  verificationAnswer: { 'zh-CN': '核报无法答复', en: 'a 核报 request cannot be answered' },
  recipients: { 'zh-CN': '组织机构缺少报送对象（上级主管部门、同级政府值班室或市政府总值班室），报告无法报出', en: 'the tree lacks a recipient (superior department, same-level duty office or city duty office): reports cannot go out' },
  policy: { 'zh-CN': '辖区没有报送政策', en: 'no reporting policy applies' },
  superiorReceipt: { 'zh-CN': '的报告无法签收（上级主管部门）', en: 'cannot be received (superior department)' },
  governmentReceipt: { 'zh-CN': '的报告无法签收（双重上报：同级政府值班室）', en: 'cannot be received (双重上报: same-level government duty office)' },
  cityReceipt: { 'zh-CN': '的报告无法签收（市政府总值班室）', en: 'cannot be received (city government duty office)' },
  direct: { 'zh-CN': '的越级报告无法签收', en: 'direct (越级) copies cannot be received' },
  upwardApproval: { 'zh-CN': '的报告无法核准上报省级部门', en: 'cannot be cleared to go to the province' },
};

const OWN_STEPS: ReadonlySet<RouteStep> = new Set(['submit', 'verify', 'signOff', 'verificationAnswer', 'recipients', 'policy']);

function gapMessage(gap: Omit<RouteGap, 'message'>, locale: Locale): string {
  const who = gap.step === 'verificationAnswer' ? (locale === 'en' ? 'no verifier or unit leader' : '无核实人或单位领导') : gap.role ? (locale === 'en' ? `no ${labels.en.role[gap.role].toLowerCase()}` : `无${labels['zh-CN'].role[gap.role]}`) : '';
  const consequence = CONSEQUENCE[gap.step][locale];
  if (OWN_STEPS.has(gap.step)) {
    if (locale === 'en') return who ? `${gap.unitName}: ${who}, ${consequence}` : `${gap.unitName}: ${consequence}`;
    return who ? `${gap.unitName}：${who}，${consequence}` : `${gap.unitName}：${consequence}`;
  }
  const names = gap.reportingUnits.slice(0, 3).map((u) => u.name);
  const more = gap.reportingUnits.length > 3 ? (locale === 'en' ? ` and ${gap.reportingUnits.length - 3} more` : `等${gap.reportingUnits.length}个单位`) : '';
  if (locale === 'en') return `${gap.unitName}: ${who}, reports of ${names.join(', ')}${more} ${consequence}`;
  return `${gap.unitName}：${who}，${names.join('、')}${more}${consequence}`;
}
