/**
 * The report's enumerations as plain values, without zod: the web app's first chunk uses their labels and order,
 * and zod stays in the chunks of the pages that validate (report-enums.ts builds the schemas).
 */
/** 事件类别: the four of 000 (突发事件应对法) plus 经济安全 and 预警信息 from 002. */
export const REPORT_CATEGORIES = [
  'natural_disaster',
  'accident_disaster',
  'public_health',
  'social_security',
  'economic_security',
  'early_warning',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** 事件分级: Ⅰ 特别重大, Ⅱ 重大, Ⅲ 较大, Ⅳ 一般, or not graded yet (most first reports). */
export const SEVERITIES = ['I', 'II', 'III', 'IV', 'ungraded'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Graded severities, most severe first: `isAtLeast('II', 'III')` is true. */
const SEVERITY_RANK: Record<Severity, number> = { I: 4, II: 3, III: 2, IV: 1, ungraded: 0 };
/** A severity's rank (ungraded 0 … Ⅰ 4): a regrade is upward when the rank rises (docs/adr/0057). */
export const severityRank = (severity: Severity): number => SEVERITY_RANK[severity];
export function isAtLeast(severity: Severity, threshold: Exclude<Severity, 'ungraded'>): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

/** 首报, 续报, 终报: one incident dossier holds one first report, any follow-ups and one final report (000, 001, 004). */
export const REPORT_KINDS = ['first', 'follow_up', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * Secure channels for classified (涉密) content, which never enters this system (000: 按有关保密规定办理).
 * 002 names 加密传真 and the government intranet (办公业务资源网（内网）); 003 (第五篇) routes urgent
 * information outside office hours through the 机要局 (机要通信/机要交通).
 */
export const SECURE_CHANNELS = ['encrypted_fax', 'government_intranet', 'confidential_bureau'] as const;
export type SecureChannel = (typeof SECURE_CHANNELS)[number];
