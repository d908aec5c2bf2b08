import type { ClockChannel, ClockOrigin, ClockRecipient, ClockReportKind, Policy } from './policy';
import { reminderTimes, resolveClocks, type ResolvedClock } from './policy-clocks';
import type { Severity } from './report-enums';

/** A sample report the policy form previews: its grade, kind and the instants its clocks may start at. */
export interface PolicySample {
  severity: Severity;
  sensitive?: boolean;
  kind: ClockReportKind;
  occurredAt: Date;
  learnedAt?: Date | null;
  receivedAt?: Date | null;
}

export interface PolicyPreview {
  clocks: ResolvedClock[];
  reminders: string[];
  /** 较大, 接报 10:00 → 电话 10:30，书面 11:00；催办 10:15、10:25 */
  text: { 'zh-CN': string; en: string };
}

const SEVERITY = { 'zh-CN': { I: '特别重大', II: '重大', III: '较大', IV: '一般', ungraded: '未分级' }, en: { I: 'Particularly major', II: 'Major', III: 'Large', IV: 'Ordinary', ungraded: 'Ungraded' } } as const;
const ORIGIN: Record<'zh-CN' | 'en', Record<ClockOrigin, string>> = { 'zh-CN': { occurred: '事发', learned: '获知', received: '接报' }, en: { occurred: 'occurred', learned: 'learned', received: 'received' } };
const CHANNEL: Record<'zh-CN' | 'en', Record<ClockChannel, string>> = { 'zh-CN': { phone: '电话', written: '书面' }, en: { phone: 'phone', written: 'written' } };
export const CLOCK_RECIPIENT_LABELS: Record<'zh-CN' | 'en', Record<ClockRecipient, string>> = {
  'zh-CN': { local_government: '事发地人民政府', superior_government: '上一级人民政府', city_duty_office: '市政府总值班室', city_party_committee_duty_room: '市委政务值班室', province: '省人民政府', state_council: '国务院' },
  en: { local_government: 'local government', superior_government: 'government above', city_duty_office: 'city duty office', city_party_committee_duty_room: 'city party committee duty room', province: 'province', state_council: 'State Council' },
};

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
/** HH:mm in Beijing time, with the day when it is not the day the clock started (`12-07 09:00`). */
function clockTime(at: string, start: Date): string {
  const local = new Date(Date.parse(at) + BEIJING_OFFSET_MS).toISOString();
  const sameDay = local.slice(0, 10) === new Date(start.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
  return sameDay ? local.slice(11, 16) : `${local.slice(5, 10)} ${local.slice(11, 16)}`;
}

function sentence(locale: 'zh-CN' | 'en', sample: PolicySample, clocks: ResolvedClock[], reminders: string[]): string {
  const zh = locale === 'zh-CN';
  const first = clocks[0];
  const start = first ? new Date(first.startedAt) : sample.occurredAt;
  const head = `${SEVERITY[locale][sample.severity]}${sample.sensitive ? (zh ? '（敏感）' : ' (sensitive)') : ''}, ${ORIGIN[locale][first?.from ?? 'occurred']} ${clockTime(start.toISOString(), start)}`;
  if (!first) return `${head} → ${zh ? '本政策未规定时限' : 'no deadline in this policy'}`;
  const recipients = new Set(clocks.map((c) => c.to));
  const deadlines = clocks
    .map((c) => `${CHANNEL[locale][c.channel]}${recipients.size > 1 && c.to ? (zh ? `（${CLOCK_RECIPIENT_LABELS[locale][c.to]}）` : ` (${CLOCK_RECIPIENT_LABELS[locale][c.to]})`) : ''} ${c.immediate ? (zh ? '立即' : 'immediately') : clockTime(c.dueAt, start)}`)
    .join(zh ? '，' : ', ');
  const reminding = reminders.length > 0 ? `${zh ? '；催办 ' : '; reminders '}${reminders.map((r) => clockTime(r, start)).join(zh ? '、' : ', ')}` : '';
  return `${head} → ${deadlines}${reminding}`;
}

/**
 * The deadlines and reminders a policy sets for a sample report, computed with the functions the clocks use
 * (resolveClocks, reminderTimes), and the sentence the policy form shows.
 */
export function previewPolicy(policy: Policy, sample: PolicySample): PolicyPreview {
  const clocks = resolveClocks(policy, { severity: sample.severity, sensitive: sample.sensitive, kind: sample.kind, occurredAt: sample.occurredAt, learnedAt: sample.learnedAt, receivedAt: sample.receivedAt });
  const earliestStart = clocks.reduce((min, c) => Math.min(min, Date.parse(c.startedAt)), Number.POSITIVE_INFINITY);
  // As at the start of the clocks: every reminder still to come
  const reminders = reminderTimes(policy, clocks, new Date(Number.isFinite(earliestStart) ? earliestStart : sample.occurredAt.getTime()));
  return { clocks, reminders, text: { 'zh-CN': sentence('zh-CN', sample, clocks, reminders), en: sentence('en', sample, clocks, reminders) } };
}
