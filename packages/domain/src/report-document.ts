import { fieldLabels } from './field-labels';
import { labels } from './labels';
import { DEFAULT_LOCALE, formatMessage, type Locale } from './messages';
import { changeLabel } from './report-diff';
import type { ReportKind } from './report-enums';
import { REPORT_STATUS_LABELS, type ReportStatus } from './report-status';

/**
 * The 突发事件信息报告 as a document (docs/adr/0042): what a printed or exported report says, in reading order, with
 * no layout. The elements are those the seeds require (002: 时间、地点、单位、经过、原因、危害程度、发展趋势、应急处理措施、
 * 需要帮助解决的问题; 004: 时间、地点、事件、影响), plus who signed it (000, 003: 经本单位主要领导审签) and a contact for 核报.
 * A 涉密 report yields its placeholder only: the content fields are never read (000, 001, 002).
 */
export interface ReportDocument {
  /** 突发事件信息报告 */
  title: string;
  /** 首报 / 续报（第 2 次） / 终报 */
  kindLabel: string;
  /** 报送单位, 签发人 — the masthead's two sides. */
  unit: Line;
  signer: Line;
  /** 事件编号, 报送时间, 签发时间 … under the masthead. */
  meta: Line[];
  /** The incident's title, or the 涉密 placeholder's. */
  headline: string;
  /** Said before the body: an unsigned or void report, or a 涉密 report's rule. */
  notice: string | null;
  /** The elements, numbered in print (一、二、…). */
  sections: Line[];
  /** 联系人, 联系电话 */
  contact: Line[];
}
export interface Line {
  label: string;
  text: string;
}

export interface ReportDocumentInput {
  kind: ReportKind;
  /** For a 续报: which one (1, 2, …). */
  followUpOrdinal?: number | undefined;
  classified: boolean;
  status: ReportStatus;
  incidentNumber: string;
  reportingUnitName: string;
  /** The stored report (JSON: times as ISO strings). */
  content: Record<string, unknown>;
  /** A 续报/终报's difference from the report before it. */
  changes?: readonly { field: string }[] | null | undefined;
  /** The leader whose 审签 approved it, and when; null while not signed. */
  signedBy: { name: string; at: Date } | null;
  /** When it first went out to a recipient (报送), else when it was submitted. */
  reportedAt: Date | null;
  submittedAt: Date | null;
}

const WORDS = {
  'zh-CN': {
    title: '突发事件信息报告', followUpN: '续报（第 {n} 次）', unit: '报送单位', signer: '签发人', unsigned: '（未签发）', number: '事件编号',
    reportedAt: '报送时间', signedAt: '签发时间', submittedAt: '提交时间', classification: '事件类别及等级', sensitive: '敏感事件',
    lossUnit: '{n} 元', toFollow: '待续报', none: '无', changed: '本次更新', times: '时间',
    unsignedNotice: '本报告尚未经单位领导审签（当前状态：{status}），不作为正式报送文本。', voidNotice: '本报告{status}，仅存档备查。',
    classifiedNotice: '本报告涉密，内容已经机要渠道报送；本系统不存储、不输出其内容，以下仅为登记信息。',
    casualties: '死亡 {dead} 人，受伤 {injured} 人（其中重伤 {serious} 人），失踪 {missing} 人，被困 {trapped} 人', poisoned: '，中毒 {n} 人',
    secureSentAt: '机要报送时间',
  },
  en: {
    title: 'Emergency Incident Information Report', followUpN: 'Follow-up report no. {n}', unit: 'Reporting unit', signer: 'Signed by', unsigned: '(not signed)',
    number: 'Incident number', reportedAt: 'Reported', signedAt: 'Signed', submittedAt: 'Submitted', classification: 'Category and grade', sensitive: 'sensitive',
    lossUnit: '{n} yuan', toFollow: 'to follow', none: 'none', changed: 'Changed in this report', times: 'Times',
    unsignedNotice: 'Not yet signed off by the unit’s leader (now: {status}); not an official report.', voidNotice: 'This report is {status}; kept on file only.',
    classifiedNotice: 'Classified: the content went through a secure channel; this system neither stores nor prints it. Only the record follows.',
    casualties: '{dead} dead, {injured} injured ({serious} seriously), {missing} missing, {trapped} trapped', poisoned: ', {n} poisoned',
    secureSentAt: 'Sent through the secure channel',
  },
} as const;

/** Statuses in which a report no longer stands (撤销, 撤回, 退回): said on the document. */
const VOID: ReadonlySet<ReportStatus> = new Set(['revoked', 'withdrawn', 'returned']);

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));

/** A time as Beijing people read it: 2026年12月6日14时30分 (en: 2026-12-06 14:30 Beijing time). */
export function documentTime(at: Date | string, locale: Locale = DEFAULT_LOCALE): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  if (locale === 'en') return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} (Beijing time)`;
  return `${parts.year}年${Number(parts.month)}月${Number(parts.day)}日${parts.hour}时${parts.minute}分`;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const count = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** The document of one 首报, 续报 or 终报, in `locale`. */
export function reportDocument(input: ReportDocumentInput, locale: Locale = DEFAULT_LOCALE): ReportDocument {
  const w = WORDS[locale];
  const field = fieldLabels[locale];
  const l = labels[locale];
  const c = input.content;
  const time = (value: unknown) => (typeof value === 'string' || value instanceof Date ? documentTime(value, locale) : undefined);
  const meta: Line[] = [{ label: w.number, text: input.incidentNumber }];
  if (input.reportedAt) meta.push({ label: w.reportedAt, text: documentTime(input.reportedAt, locale) });
  else if (input.submittedAt) meta.push({ label: w.submittedAt, text: documentTime(input.submittedAt, locale) });
  if (input.signedBy) meta.push({ label: w.signedAt, text: documentTime(input.signedBy.at, locale) });
  const status = REPORT_STATUS_LABELS[locale][input.status];
  const notice = input.classified
    ? w.classifiedNotice
    : VOID.has(input.status)
      ? fill(w.voidNotice, { status })
      : input.signedBy
        ? null
        : fill(w.unsignedNotice, { status });
  const contact = c.contact as { name?: unknown; phone?: unknown } | undefined;
  return {
    title: w.title,
    kindLabel: input.kind === 'follow_up' && input.followUpOrdinal ? fill(w.followUpN, { n: input.followUpOrdinal }) : l.reportKind[input.kind],
    unit: { label: w.unit, text: input.reportingUnitName },
    signer: { label: w.signer, text: input.signedBy?.name ?? w.unsigned },
    meta,
    headline: input.classified ? formatMessage(locale, 'classified.placeholderTitle') : (text(c.title) ?? '—'),
    notice,
    sections: (input.classified ? placeholderSections : contentSections)(input, locale, time),
    contact: [
      { label: field.contact, text: text(contact?.name) ?? '—' },
      { label: field.phone, text: text(contact?.phone) ?? '—' },
    ],
  };
}

type TimeOf = (value: unknown) => string | undefined;

/** The times every report carries, as one element (事发, 获知, 接报, 处置结束). */
function times(c: Record<string, unknown>, locale: Locale, time: TimeOf): Line {
  const field = fieldLabels[locale];
  const parts = (['occurredAt', 'learnedAt', 'receivedAt', 'endedAt'] as const).flatMap((key) => {
    const at = time(c[key]);
    return at ? [`${field[key]}${locale === 'en' ? ': ' : '：'}${at}`] : [];
  });
  return { label: WORDS[locale].times, text: parts.join(locale === 'en' ? '; ' : '；') || '—' };
}

function classification(c: Record<string, unknown>, locale: Locale): Line {
  const l = labels[locale];
  const parts = [l.category[c.category as keyof typeof l.category], l.severity[c.severity as keyof typeof l.severity], c.sensitive === true ? WORDS[locale].sensitive : undefined];
  return { label: WORDS[locale].classification, text: parts.filter(Boolean).join(locale === 'en' ? ', ' : '，') || '—' };
}

/** An ordinary report: every element the seeds require, in the order a reader expects; a missing one is 待续报 (无 in a 终报). */
function contentSections(input: ReportDocumentInput, locale: Locale, time: TimeOf): Line[] {
  const w = WORDS[locale];
  const field = fieldLabels[locale];
  const c = input.content;
  const missing = input.kind === 'final' ? w.none : w.toFollow;
  const element = (key: 'course' | 'cause' | 'harm' | 'trend' | 'measures' | 'helpNeeded'): Line => ({ label: field[key], text: text(c[key]) ?? missing });
  const place = c.place as { address?: unknown } | undefined;
  const casualties = (c.casualties ?? {}) as Record<string, unknown>;
  const dead = count(casualties.dead);
  const loss = count(c.economicLossYuan);
  const sections: Line[] = [];
  if (input.kind !== 'first' && input.changes?.length) {
    sections.push({ label: w.changed, text: [...new Set(input.changes.map((change) => changeLabel(change.field, locale)))].join(locale === 'en' ? ', ' : '、') });
  }
  if (text(c.progress)) sections.push({ label: field.progress, text: text(c.progress)! });
  sections.push(
    times(c, locale, time),
    { label: field.place, text: text(place?.address) ?? '—' },
    classification(c, locale),
    element('course'),
    {
      label: field.casualties,
      text:
        dead === undefined
          ? missing
          : fill(w.casualties, { dead, injured: count(casualties.injured) ?? 0, serious: count(casualties.seriouslyInjured) ?? 0, missing: count(casualties.missing) ?? 0, trapped: count(casualties.trapped) ?? 0 }) +
            (count(casualties.poisoned) ? fill(w.poisoned, { n: count(casualties.poisoned)! }) : ''),
    },
    { label: field.economicLossYuan, text: loss === undefined ? missing : fill(w.lossUnit, { n: loss.toLocaleString(locale) }) },
    element('harm'),
    element('cause'),
    element('trend'),
    element('measures'),
    element('helpNeeded'),
  );
  if (text(c.notes)) sections.push({ label: field.notes, text: text(c.notes)! });
  return sections;
}

/** A 涉密 report: its record only (grade, times, the secure channel). The content fields are not read. */
function placeholderSections(input: ReportDocumentInput, locale: Locale, time: TimeOf): Line[] {
  const field = fieldLabels[locale];
  const l = labels[locale];
  const c = input.content;
  const sent = (c.secureTransmission ?? {}) as { channel?: unknown; handledBy?: { name?: unknown; phone?: unknown }; sentAt?: unknown; documentNumber?: unknown };
  const handler = [text(sent.handledBy?.name), text(sent.handledBy?.phone)].filter(Boolean).join(' ');
  return [
    times(c, locale, time),
    classification(c, locale),
    { label: field.channel, text: l.secureChannel[sent.channel as keyof typeof l.secureChannel] ?? '—' },
    { label: field.handledBy, text: handler || '—' },
    { label: WORDS[locale].secureSentAt, text: time(sent.sentAt) ?? '—' },
    { label: field.documentNumber, text: text(sent.documentNumber) ?? '—' },
  ];
}
