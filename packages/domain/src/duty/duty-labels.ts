/** Field names and messages of the duty module, Chinese first (kept here so the duty work adds no rows to shared tables). */
export type DutyLocale = 'zh-CN' | 'en';

const fieldLabels = {
  'zh-CN': {
    day: '值班日期', leaderUserId: '带班领导', officerUserIds: '值班员', holiday: '节假日', holidayName: '节日名称', note: '备注',
    leaderName: '带班领导', officerNames: '值班员', incidentsReceived: '接报突发事件数', reportsSubmitted: '上报信息数',
    rollCall: '视频点名', summary: '值班情况', issues: '需要说明的问题', filledBy: '填表人', phone: '联系电话',
    instructingLeader: '批示领导', instructedAt: '批示时间', text: '批示内容', unitIds: '落实单位', dueAt: '落实时限', result: '落实情况',
  },
  en: {
    day: 'Duty day', leaderUserId: 'Leader on duty', officerUserIds: 'Officers on duty', holiday: 'Holiday', holidayName: 'Holiday name', note: 'Note',
    leaderName: 'Leader on duty', officerNames: 'Officers on duty', incidentsReceived: 'Incidents received', reportsSubmitted: 'Reports submitted',
    rollCall: 'Video roll call', summary: 'Duty summary', issues: 'Issues to note', filledBy: 'Filled in by', phone: 'Contact phone',
    instructingLeader: 'Instructing leader', instructedAt: 'Instructed at', text: 'Instruction', unitIds: 'Units to carry it out', dueAt: 'Carry out by', result: 'How it was carried out',
  },
} as const;
export type DutyField = keyof (typeof fieldLabels)['zh-CN'];

export const dutyFieldLabel = (locale: DutyLocale, field: DutyField): string => fieldLabels[locale][field];

/** Messages naming the field in `locale`, as zod `error` params. */
export function dutyText(locale: DutyLocale) {
  const l = (field: DutyField) => fieldLabels[locale][field];
  const zh = locale === 'zh-CN';
  const error = (message: string) => ({ error: message });
  return {
    required: (f: DutyField) => error(zh ? `${l(f)}为必填项` : `${l(f)} is required`),
    tooLong: (f: DutyField, max: number) => error(zh ? `${l(f)}不能超过 ${max} 个字` : `${l(f)} must be at most ${max} characters`),
    tooMany: (f: DutyField, max: number) => error(zh ? `${l(f)}最多 ${max} 个` : `At most ${max} ${l(f)}`),
    duplicate: (f: DutyField) => error(zh ? `${l(f)}不能重复` : `${l(f)} must not repeat`),
    invalidDay: (f: DutyField) => error(zh ? `${l(f)}须为日期，如 2026-12-06` : `${l(f)} must be a date such as 2026-12-06`),
    count: (f: DutyField) => error(zh ? `${l(f)}须为不小于 0 的整数` : `${l(f)} must be a whole number of 0 or more`),
    phone: (f: DutyField) => error(zh ? `${l(f)}格式不正确，如 0883-2122496 或 13800000000` : `${l(f)} is not a phone number, e.g. 0883-2122496`),
    instant: (f: DutyField) => error(zh ? `${l(f)}须为带时区的时间，如 2026-12-06T08:30:00+08:00` : `${l(f)} must be a time with an offset, e.g. 2026-12-06T08:30:00+08:00`),
    future: (f: DutyField) => error(zh ? `${l(f)}不能晚于现在` : `${l(f)} cannot be in the future`),
    after: (f: DutyField, other: DutyField) => error(zh ? `${l(f)}须晚于${l(other)}` : `${l(f)} must be after ${l(other)}`),
    oneOf: (f: DutyField, options: string) => error(zh ? `${l(f)}须为以下之一：${options}` : `${l(f)} must be one of: ${options}`),
  };
}
