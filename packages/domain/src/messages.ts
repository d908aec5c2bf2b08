import { z } from 'zod';

/** The languages of the UI and of every message the domain produces. Chinese is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** User-facing validation and error messages, keyed by code. `{name}` marks a parameter. */
const zhCN = {
  required: '{field}为必填项',
  invalidType: '{field}格式不正确',
  'text.empty': '{field}不能为空',
  'text.tooLong': '{field}不能超过{max}个字',
  'count.negative': '{field}不能为负数',
  'count.notInteger': '{field}须为整数',
  'enum.invalid': '{field}取值无效，可选：{options}',
  'instant.invalid': '{field}须为带时区的时间，如 2026-11-22T08:30:00+08:00',
  'instant.future': '{field}不能晚于当前时间',
  'instant.tooEarly': '{field}不能早于 2000 年',
  'number.range': '{field}须在{min}至{max}之间',
  'divisionCode.invalid': '{field}应为6位行政区划代码',
  'phone.invalid': '{field}格式不正确，应为手机号码或固定电话（如 0883-2122496）',
  'incidentNumber.invalid': '事件编号格式应为“KB-行政区划代码-日期-4位序号”，如 KB-530902-20261122-0001',
  'username.invalid': '用户名须为3至32位小写字母、数字或 _ . -',
  'displayName.invalid': '姓名须为2至32个汉字（可含间隔号“·”）',
  'roles.empty': '至少分配一个角色',
  'roles.duplicate': '角色不能重复：{role}',
  'unitCode.invalid': '单位编码不正确：人民政府的编码即行政区划代码，其他单位为“行政区划代码-大写字母后缀”，如 530902-YJ',
  'divisionCode.level': '行政区划代码与层级不符：{level}应形如 {example}',
  'report.learnedBeforeOccurred': '获知时间不能早于事发时间',
  'phone.occurredAfterCall': '事发时间不能晚于来电时间',
  'phone.learnedAfterCall': '获知时间不能晚于来电时间',
  'report.receivedBeforeOccurred': '接报时间不能早于事发时间',
  'report.endedBeforeOccurred': '处置结束时间不能早于事发时间',
  'casualties.seriousExceedsInjured': '重伤人数不能超过受伤人数',
  'place.coordinatesPair': '经度和纬度须同时填写',
  'classified.contentForbidden': '涉密报告不得在本系统填写{field}：涉密内容须经机要渠道报送',
  'classified.transmissionRequired': '涉密报告须登记机要渠道报送情况（经办人、时间、渠道）',
  'classified.transmissionUnexpected': '非涉密报告不应登记机要渠道报送情况',
  'classified.placeholderTitle': '涉密信息（内容已经机要渠道报送）',
  'followUp.empty': '续报须至少填写一项新情况',
  'corrections.notCorrectable': '核实时不能更正以下项目：{keys}',
  'decision.opinionTooLong': '意见不超过 {max} 字',
  'decision.closeReasonRequired': '关闭报告必须说明理由',
  'retry.reasonRequired': '请填写重试原因',
  'retry.reasonTooLong': '重试原因不能超过 {max} 字',
  'retry.retriesRange': '重试次数须为 {min} 到 {max} 的整数',
  'trace.reasonRequired': '请填写操作原因',
  'trace.reasonTooLong': '操作原因不能超过 {max} 字',
  'trace.assigneeRequired': '请选择改派给谁',
  'trace.incidentsRequired': '请至少选择一个失败的步骤',
  'trace.tooManyIncidents': '一次最多重试 {max} 个步骤',
  'trace.valueRequired': '请填写变量的新值',
  'trace.valueTooLong': '变量值不能超过 {max} 个字符',
  'trace.expectedRequired': '缺少修改前的值（用于检查变量是否已被他人修改）',
  'decision.returnOpinionRequired': '退回必须填写意见',
  'org.duplicateId': '单位 ID 重复：{id}',
  'org.parentMissing': '{field}指向不存在的单位：{id}',
  'org.cycle': '组织机构树存在循环：{id}',
  'org.superiorNotDepartment': '上级主管部门须为上一级的部门',
  'org.sameLevelGovernmentInvalid': '同级政府须为同一层级的人民政府',
  'org.outsideParentDivision': '单位的行政区划不在上级单位的行政区划内',
  'org.duplicateCode': '单位编码已被“{name}”使用：{code}',
  'org.duplicateDivision': '行政区划代码 {code} 已有人民政府“{name}”',
  'org.selfReference': '{field}不能是本单位',
  'org.superiorBelow': '上级主管部门不能是本单位的下级单位：{name}',
  'org.dutyOfficeInvalid': '受理值班室须为本级人民政府下属的值班室',
  'org.inactiveReference': '{field}“{name}”已停用',
  'org.governmentOnly': '只有人民政府可以指定受理值班室',
  'mustReport.threshold': '{type}：{metric}为{value}，达到报送标准（≥{min}）',
  'mustReport.always': '{type}：不论规模，均须报送',
  'mustReport.graded': '已定级为{severity}',
  'mustReport.sensitive': '敏感信息，不受分级标准限制',
  'mustReport.may_escalate': '可能演化为较大及以上突发事件，不受分级标准限制',
  'mustReport.sensitive_place': '发生地点敏感',
  'mustReport.sensitive_time': '发生在敏感时间',
  'mustReport.special_persons': '涉及人员身份特殊',
  'mustReport.long_duration': '持续时间较长',
  'mustReport.wide_impact': '社会影响较大',
  'threshold.required': '达到报送标准，须报送：{reasons}',
  'threshold.voluntary': '未达到报送标准（{standard}），按自愿报送受理并单独统计（003 第一篇：虽未达到标准，但发生在敏感地点、涉及特殊人员或持续时间较长的，也要报告）',
  'threshold.noType': '未选择事件类型，未定级，且无敏感情形',
  'domain.UNIT_NOT_FOUND': '组织机构中没有单位 {unitId}',
  'domain.NO_RECIPIENT': '组织机构树缺少报送对象：{recipient}（报送单位 {unitId}）',
  'domain.AMBIGUOUS_RECIPIENT': '报送对象不唯一：{recipient}（报送单位 {unitId}）：{candidates}',
  'domain.ORG_TREE_CYCLE': '组织机构树存在循环（单位 {unitId}）',
  'domain.INVALID_CANDIDATE_GROUP': '候选组格式无效：{group}（应为 unit:<单位ID>:<角色>）',
} as const;

export type MessageCode = keyof typeof zhCN;

const en: Record<MessageCode, string> = {
  required: '{field} is required',
  invalidType: '{field} has the wrong type',
  'text.empty': '{field} must not be empty',
  'text.tooLong': '{field} must be at most {max} characters',
  'count.negative': '{field} must not be negative',
  'count.notInteger': '{field} must be a whole number',
  'enum.invalid': '{field} is not valid; choose one of: {options}',
  'instant.invalid': '{field} must be a time with an offset, e.g. 2026-11-22T08:30:00+08:00',
  'instant.future': '{field} must not be in the future',
  'instant.tooEarly': '{field} must not be before 2000',
  'number.range': '{field} must be between {min} and {max}',
  'divisionCode.invalid': '{field} must be a 6-digit administrative division code',
  'phone.invalid': '{field} must be a mobile or landline number (e.g. 0883-2122496)',
  'incidentNumber.invalid': 'The incident number must look like KB-<division>-<yyyymmdd>-<4-digit sequence>, e.g. KB-530902-20261122-0001',
  'username.invalid': 'The username must be 3 to 32 lowercase letters, digits, _ . or -',
  'displayName.invalid': 'The name must be 2 to 32 Chinese characters (the separator “·” is allowed)',
  'roles.empty': 'Assign at least one role',
  'roles.duplicate': 'Duplicate role: {role}',
  'unitCode.invalid': "Invalid unit code: a government's code is its division code; other units use <division>-<UPPERCASE SUFFIX>, e.g. 530902-YJ",
  'divisionCode.level': 'The division code does not match the level: {level} codes look like {example}',
  'report.learnedBeforeOccurred': 'The time learned must not be before the time of occurrence',
  'phone.occurredAfterCall': 'The time of occurrence must not be after the call',
  'phone.learnedAfterCall': 'The time learned must not be after the call',
  'report.receivedBeforeOccurred': 'The time received must not be before the time of occurrence',
  'report.endedBeforeOccurred': 'The end of the response must not be before the time of occurrence',
  'casualties.seriousExceedsInjured': 'Seriously injured must not exceed injured',
  'place.coordinatesPair': 'Give both longitude and latitude, or neither',
  'classified.contentForbidden': 'A classified report must not carry {field} here: classified content goes through a secure channel',
  'classified.transmissionRequired': 'A classified report must record its secure transmission (who, when, which channel)',
  'classified.transmissionUnexpected': 'Only a classified report records a secure transmission',
  'classified.placeholderTitle': 'Classified (content sent through a secure channel)',
  'followUp.empty': 'A follow-up report must contain at least one new element',
  'corrections.notCorrectable': 'These cannot be corrected during verification: {keys}',
  'decision.opinionTooLong': 'An opinion has at most {max} characters',
  'decision.closeReasonRequired': 'Closing a report requires a reason',
  'retry.reasonRequired': 'Give the reason for the retry',
  'retry.reasonTooLong': 'The reason must be at most {max} characters',
  'retry.retriesRange': 'Retries must be a whole number from {min} to {max}',
  'trace.reasonRequired': 'Give the reason for this action',
  'trace.reasonTooLong': 'The reason must be at most {max} characters',
  'trace.assigneeRequired': 'Choose whom to reassign the task to',
  'trace.incidentsRequired': 'Choose at least one failed step',
  'trace.tooManyIncidents': 'At most {max} steps can be retried at once',
  'trace.valueRequired': 'Give the variable’s new value',
  'trace.valueTooLong': 'The value must be at most {max} characters',
  'trace.expectedRequired': 'The value before the edit is missing (it tells whether someone changed the variable meanwhile)',
  'decision.returnOpinionRequired': 'Returning a report requires an opinion',
  'org.duplicateId': 'Duplicate unit id: {id}',
  'org.parentMissing': '{field} refers to a unit that does not exist: {id}',
  'org.cycle': 'The org tree contains a cycle: {id}',
  'org.superiorNotDepartment': 'The superior department must be a department one level up',
  'org.sameLevelGovernmentInvalid': 'The same-level government must be a government at the same level',
  'org.outsideParentDivision': "The unit's division lies outside its parent's division",
  'org.duplicateCode': 'The unit code {code} is already used by {name}',
  'org.duplicateDivision': 'The division {code} already has a government: {name}',
  'org.selfReference': '{field} cannot be the unit itself',
  'org.superiorBelow': 'The superior department cannot be a unit below this one: {name}',
  'org.dutyOfficeInvalid': 'The receiving duty office must be a duty office of this government',
  'org.inactiveReference': '{field} {name} is deactivated',
  'org.governmentOnly': 'Only a government names a receiving duty office',
  'mustReport.threshold': '{type}: {metric} is {value}, at or above the threshold (≥ {min})',
  'mustReport.always': '{type}: reportable whatever its scale',
  'mustReport.graded': 'Graded {severity}',
  'mustReport.sensitive': 'Sensitive: reportable regardless of grade',
  'mustReport.may_escalate': 'May become Level III or worse: reportable regardless of grade',
  'mustReport.sensitive_place': 'Sensitive place',
  'mustReport.sensitive_time': 'Sensitive time',
  'mustReport.special_persons': 'People of special status involved',
  'mustReport.long_duration': 'Long-lasting',
  'mustReport.wide_impact': 'Wide social impact',
  'threshold.required': 'Meets the reporting threshold, reporting is mandatory: {reasons}',
  'threshold.voluntary': 'Below the reporting threshold ({standard}): accepted as a voluntary report and counted apart (003 part 1: below the threshold but in a sensitive place, with special persons or long-lasting, report anyway)',
  'threshold.noType': 'no incident type chosen, not graded, no sensitive circumstance',
  'domain.UNIT_NOT_FOUND': 'No org unit {unitId}',
  'domain.NO_RECIPIENT': 'The org tree lacks a recipient: {recipient} (reporting unit {unitId})',
  'domain.AMBIGUOUS_RECIPIENT': 'More than one recipient: {recipient} (reporting unit {unitId}): {candidates}',
  'domain.ORG_TREE_CYCLE': 'The org tree contains a cycle (unit {unitId})',
  'domain.INVALID_CANDIDATE_GROUP': 'Invalid candidate group: {group} (expected unit:<unitId>:<role>)',
};

export const messages: Record<Locale, Record<MessageCode, string>> = { 'zh-CN': zhCN, en };

export type MessageParams = Record<string, string | number>;

/** The message for `code` in `locale`, with `{name}` parameters filled in. */
export function formatMessage(locale: Locale, code: MessageCode, params: MessageParams = {}): string {
  return messages[locale][code].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const zodLocales = { 'zh-CN': z.locales.zhCN().localeError, en: z.locales.en().localeError };

/**
 * A zod error map for `locale`: pass it per parse (`schema.safeParse(data, { error: errorMapFor('en') })`).
 * Domain schemas carry their own messages (built per locale by the schema factories); this map covers
 * what they leave to zod: a missing key becomes "required", everything else uses zod's own translation.
 */
export function errorMapFor(locale: Locale): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) return formatMessage(locale, 'required', { field: locale === 'en' ? 'This field' : '此项' });
    return zodLocales[locale](issue);
  };
}
