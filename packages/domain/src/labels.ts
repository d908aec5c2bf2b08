import type { UserTaskKind } from './constants';
import type { Locale } from './messages';
import type { UnitKind, UnitLevel } from './org';
import type { ReportCategory, ReportKind, SecureChannel, Severity } from './report-enums';
import type { RecipientRole } from './report-recipients';
import { REPORT_STATUS_LABELS, type ReportStatus } from './report-status-values';
import type { ThresholdMetric } from './thresholds';
import type { Role } from './user';

/** A label for every value of every enum, per locale; the types make a missing label a compile error. */
export interface LabelTable {
  category: Record<ReportCategory, string>;
  severity: Record<Severity, string>;
  reportKind: Record<ReportKind, string>;
  role: Record<Role, string>;
  unitKind: Record<UnitKind, string>;
  unitLevel: Record<UnitLevel, string>;
  secureChannel: Record<SecureChannel, string>;
  recipientRole: Record<RecipientRole, string>;
  userTaskKind: Record<UserTaskKind, string>;
  thresholdMetric: Record<ThresholdMetric, string>;
  /** The step a report has reached (report-status.ts holds the one map). */
  reportStatus: Record<ReportStatus, string>;
}

const zhCN: LabelTable = {
  category: {
    natural_disaster: '自然灾害',
    accident_disaster: '事故灾难',
    public_health: '公共卫生事件',
    social_security: '社会安全事件',
    economic_security: '经济安全',
    early_warning: '预警信息',
  },
  severity: { I: '特别重大（Ⅰ级）', II: '重大（Ⅱ级）', III: '较大（Ⅲ级）', IV: '一般（Ⅳ级）', ungraded: '未分级' },
  reportKind: { first: '首报', follow_up: '续报', final: '终报' },
  reportStatus: REPORT_STATUS_LABELS['zh-CN'],
  role: { reporter: '信息员', verifier: '核实人', leader: '单位领导', duty_officer: '值班员', designer: '流程设计员', admin: '管理员', system_admin: '系统管理员' },
  unitKind: { government: '人民政府', party_committee: '党委', department: '部门', duty_office: '值班室' },
  unitLevel: { province: '省级', city: '市级', county: '县级', town: '乡镇（街道）' },
  secureChannel: { encrypted_fax: '加密传真', government_intranet: '办公业务资源网（内网）', confidential_bureau: '机要局（机要通信）' },
  recipientRole: {
    superiorDepartment: '上级主管部门',
    sameLevelGovernment: '同级政府',
    sameLevelDutyOffice: '同级政府值班室',
    cityDutyOffice: '市政府总值班室',
    cityDutyOfficeDirect: '越级抄送（市政府总值班室）',
    secureRecipient: '涉密信息接收单位（机要渠道）',
    verificationTarget: '核报单位',
    phoneReceiver: '接听电话报告的值班室',
  },
  userTaskKind: {
    verify: '核实',
    sign_off: '单位领导审签',
    sector_sign_off: '战线主管领导审批',
    acknowledge_superior: '上级主管部门签收',
    acknowledge_government: '同级政府值班室签收',
    receive_city: '市政府总值班室签收',
    receive_city_direct: '市政府总值班室签收（越级抄送）',
    acknowledge_classified: '涉密信息签收（机要渠道）',
    receive_verification: '核报反馈签收',
    approve_upward: '市政府总值班室核准上报',
    answer_verification: '核报反馈',
    instruction_feedback: '领导批示落实反馈',
    report_state_council: '省级报国务院',
  },
  thresholdMetric: {
    dead: '死亡人数',
    deadOrInjured: '死伤人数',
    seriouslyInjured: '重伤人数',
    missing: '失踪人数',
    poisoned: '中毒人数',
    sick: '发病人数',
    participants: '参与人数',
    petitionersToBeijing: '可能进京上访人数',
    petitionersToRegionCapital: '可能进自治区上访人数',
    housesCollapsed: '倒塌房屋（间）',
    directLossYuan: '直接经济损失（元）',
    collectiveLossYuan: '集体经济损失（元）',
    individualLossYuan: '个人经济损失（元）',
    interruptionLossYuan: '交通、通讯、供电中断直接经济损失（元）',
    forestDestroyedMu: '森林毁坏面积（亩）',
    cropAffectedMu: '农作物受灾面积（亩）',
    cropFailureMu: '农作物绝收面积（亩）',
    cashRobbedYuan: '被抢现金（元）',
    propertyRobbedYuan: '被抢财物价值（元）',
    caseValueYuan: '案值或涉案金额（元）',
  },
};

const en: LabelTable = {
  category: {
    natural_disaster: 'Natural disaster',
    accident_disaster: 'Accident',
    public_health: 'Public health incident',
    social_security: 'Social security incident',
    economic_security: 'Economic security',
    early_warning: 'Early warning',
  },
  severity: {
    I: 'Extraordinarily serious (Level I)',
    II: 'Serious (Level II)',
    III: 'Relatively serious (Level III)',
    IV: 'General (Level IV)',
    ungraded: 'Not yet graded',
  },
  reportKind: { first: 'First report', follow_up: 'Follow-up report', final: 'Final report' },
  reportStatus: REPORT_STATUS_LABELS.en,
  role: { reporter: 'Information officer', verifier: 'Verifier', leader: 'Unit leader', duty_officer: 'Duty officer', designer: 'Process designer', admin: 'Administrator', system_admin: 'System administrator' },
  unitKind: { government: 'Government', party_committee: 'Party committee', department: 'Department', duty_office: 'Duty office' },
  unitLevel: { province: 'Province', city: 'City', county: 'County / district', town: 'Town / street' },
  secureChannel: { encrypted_fax: 'Encrypted fax', government_intranet: 'Government intranet', confidential_bureau: 'Confidential bureau (secure courier)' },
  recipientRole: {
    superiorDepartment: 'Superior department',
    sameLevelGovernment: 'Same-level government',
    sameLevelDutyOffice: 'Same-level government duty office',
    cityDutyOffice: 'City government duty office',
    cityDutyOfficeDirect: 'Direct copy (越级) to the city government duty office',
    secureRecipient: 'Recipient of a classified report (secure channel)',
    verificationTarget: 'Unit asked to verify',
    phoneReceiver: 'Duty office that took the phone report',
  },
  userTaskKind: {
    verify: 'Verify',
    sign_off: 'Unit leader sign-off',
    sector_sign_off: 'Sector leader approval',
    acknowledge_superior: 'Superior department acknowledges',
    acknowledge_government: 'Same-level government duty office acknowledges',
    receive_city: 'City duty office receives',
    receive_city_direct: 'City duty office receives a direct (越级) copy',
    acknowledge_classified: 'Acknowledge a classified report (secure channel)',
    receive_verification: 'Receive the answer to a verification request',
    approve_upward: 'City duty office approves reporting upward',
    answer_verification: 'Answer a verification request',
    instruction_feedback: "Feedback on a leader's instruction",
    report_state_council: 'Province reports to the State Council',
  },
  thresholdMetric: {
    dead: 'Dead',
    deadOrInjured: 'Dead and injured',
    seriouslyInjured: 'Seriously injured',
    missing: 'Missing',
    poisoned: 'Poisoned',
    sick: 'Fell ill',
    participants: 'Participants',
    petitionersToBeijing: 'Petitioners who may go to Beijing',
    petitionersToRegionCapital: 'Petitioners who may go to the regional capital',
    housesCollapsed: 'Houses collapsed (rooms)',
    directLossYuan: 'Direct economic loss (yuan)',
    collectiveLossYuan: 'Collective economic loss (yuan)',
    individualLossYuan: 'Individual economic loss (yuan)',
    interruptionLossYuan: 'Loss from interrupted transport, telecoms or power (yuan)',
    forestDestroyedMu: 'Forest destroyed (mu)',
    cropAffectedMu: 'Crops affected (mu)',
    cropFailureMu: 'Crops lost entirely (mu)',
    cashRobbedYuan: 'Cash robbed (yuan)',
    propertyRobbedYuan: 'Property robbed (yuan)',
    caseValueYuan: 'Value involved in the case (yuan)',
  },
};

export const labels: Record<Locale, LabelTable> = { 'zh-CN': zhCN, en };
