import { TASK_TYPES } from '@kuaibao/domain';

/**
 * kuaibao's steps as Camunda 8 element templates (bpmn-js-element-templates): a designer picks 核实, 审签, 签收 or
 * 报送 from a list and never types a job type, task header or candidate group. The values are those of processes/*.bpmn
 * and the worker's handlers (the checks refuse any other).
 */
interface Template {
  $schema: string;
  id: string;
  name: string;
  description: string;
  version: number;
  appliesTo: string[];
  elementType: { value: string };
  category: { id: string; name: string };
  groups: { id: string; label: string }[];
  properties: Record<string, unknown>[];
}

const SCHEMA = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';
const hidden = (value: string, binding: Record<string, string>) => ({ type: 'Hidden', value, binding });
const header = (key: string, value: string) => hidden(value, { type: 'zeebe:taskHeader', key });

function userTask(name: string, description: string, kind: string, group: string): Template {
  return {
    $schema: SCHEMA,
    id: `kuaibao.user.${kind}`,
    name,
    description,
    version: 1,
    appliesTo: ['bpmn:Task', 'bpmn:UserTask'],
    elementType: { value: 'bpmn:UserTask' },
    category: { id: 'kuaibao-user', name: '人工步骤' },
    groups: [{ id: 'kuaibao', label: '快报步骤' }],
    properties: [
      { type: 'Hidden', binding: { type: 'zeebe:userTask' } },
      { label: '办理人（候选组）', type: 'String', value: `=groups.${group}`, editable: false, group: 'kuaibao', binding: { type: 'zeebe:assignmentDefinition', property: 'candidateGroups' } },
      header('kind', kind),
    ],
  };
}

function serviceTask(id: string, name: string, description: string, type: string, headers: Record<string, string> = {}): Template {
  return {
    $schema: SCHEMA,
    id: `kuaibao.job.${id}`,
    name,
    description,
    version: 1,
    appliesTo: ['bpmn:Task', 'bpmn:ServiceTask'],
    elementType: { value: 'bpmn:ServiceTask' },
    category: { id: 'kuaibao-job', name: '自动步骤' },
    groups: [{ id: 'kuaibao', label: '快报步骤' }],
    properties: [
      { label: '任务类型', type: 'String', value: type, editable: false, group: 'kuaibao', binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      hidden('5', { type: 'zeebe:taskDefinition', property: 'retries' }),
      ...Object.entries(headers).map(([key, value]) => header(key, value)),
    ],
  };
}

export const KUAIBAO_TEMPLATES: Template[] = [
  userTask('核实', '核实人核实事件信息（000：先核实后上报）', 'verify', 'verifier'),
  userTask('单位领导审签', '报送前经本单位主要领导审签（003）', 'sign_off', 'leader'),
  userTask('上级主管部门签收', '上级主管部门值班员签收', 'acknowledge_superior', 'superiorDuty'),
  userTask('同级政府值班室签收', '同级政府值班室签收（双重上报）', 'acknowledge_government', 'governmentDuty'),
  userTask('市政府总值班室签收', '市政府总值班室签收', 'receive_city', 'cityDuty'),
  userTask('市政府总值班室签收（越级抄送）', '越级抄送的签收', 'receive_city_direct', 'cityDuty'),
  userTask('市政府总值班室核准上报', '报省级部门前由市政府总值班室核准（004）', 'approve_upward', 'cityDuty'),
  serviceTask('dispatch-superior', '报送上级主管部门', '向上级主管部门报送', TASK_TYPES.dispatch, { recipient: 'superiorDepartment' }),
  serviceTask('dispatch-government', '报送同级政府', '向同级政府报送（双重上报）', TASK_TYPES.dispatch, { recipient: 'sameLevelGovernment', receiver: 'sameLevelDutyOffice' }),
  serviceTask('dispatch-city', '报送市政府总值班室', '向市政府总值班室报送', TASK_TYPES.dispatch, { recipient: 'cityDutyOffice' }),
  serviceTask('dispatch-city-direct', '越级抄送市政府总值班室', '紧急或敏感时越级抄送（000）', TASK_TYPES.dispatch, { recipient: 'cityDutyOfficeDirect', copy: 'true' }),
  serviceTask('resolve-recipients', '确定报送对象', '按组织机构树确定报送对象与办理人', TASK_TYPES.resolveRecipients),
  serviceTask('resolve-clock', '确定法定时限', '按辖区时限政策确定电话、书面报告时限', TASK_TYPES.resolveClock),
  serviceTask('remind', '催办', '时限届满前催办', TASK_TYPES.remind),
  serviceTask('overdue-phone', '标记迟报（电话）', '电话报告时限届满：记录迟报并告警', TASK_TYPES.overdue, { channel: 'phone' }),
  serviceTask('overdue-written', '标记迟报（书面）', '书面报告时限届满：记录迟报并告警', TASK_TYPES.overdue, { channel: 'written' }),
  serviceTask('settle-clocks', '时限结算（按时/迟报）', '报送时结算各时限', TASK_TYPES.settleClocks),
  serviceTask('close-report', '关闭报告（非突发事件）', '核实为非突发事件时关闭', TASK_TYPES.close),
  serviceTask('complete-report', '报送完成', '报送链完成', TASK_TYPES.complete),
  serviceTask('clear-upward-auto', '无需核准，放行', '004：按政策放行报送省级部门', TASK_TYPES.clearUpward, { clearedBy: 'policy' }),
  serviceTask('clear-upward-approved', '核准后放行', '004：市政府总值班室核准后放行', TASK_TYPES.clearUpward, { clearedBy: 'city_duty_office' }),
];
