import { verificationContentSchema } from '@kuaibao/domain';
import type { InstanceStatus } from '@kuaibao/engine';
import { VERIFICATION_REPORT_KIND } from './verification-service';

interface ReportRow {
  id: string;
  kind: string;
  status: string;
  content: unknown;
  instanceKey: string | null;
  createdAt: Date;
}

interface Clocks {
  phoneDueAt?: string | null;
  writtenDueAt?: string | null;
}

/**
 * The 核报 of a dossier: each request, its answers with the clocks they met or missed, the due times (from
 * the workflow's resolved clocks) and whether a clock has run out with no answer yet (迟报 in the making).
 */
export function verificationsOf(reports: ReportRow[], instances: InstanceStatus[], unitName: (id: string) => string, now: Date) {
  return reports
    .filter((report) => report.kind === VERIFICATION_REPORT_KIND)
    .flatMap((report) => {
      const parsed = verificationContentSchema.safeParse(report.content);
      if (!parsed.success) return [];
      const content = parsed.data;
      const clocks = (instances.find((i) => i.key === report.instanceKey)?.variables.clocks ?? {}) as Clocks;
      const met = new Set(content.replies.flatMap((r) => r.measured.map((m) => m.channel)));
      const overdue = (channel: 'phone' | 'written', dueAt: string | null | undefined) => !met.has(channel) && !!dueAt && Date.parse(dueAt) < now.getTime();
      return [
        {
          id: report.id,
          question: content.question,
          requestedBy: { id: content.requestedByUnitId, name: unitName(content.requestedByUnitId) },
          target: { id: content.targetUnitId, name: unitName(content.targetUnitId) },
          requestedAt: report.createdAt.toISOString(),
          status: report.status,
          phoneDueAt: clocks.phoneDueAt ?? null,
          writtenDueAt: clocks.writtenDueAt ?? null,
          overdue: { phone: overdue('phone', clocks.phoneDueAt), written: overdue('written', clocks.writtenDueAt) },
          replies: content.replies.map(({ channel, text, repliedAt, repliedBy, measured }) => ({ channel, text, repliedAt, repliedBy, measured })),
        },
      ];
    });
}
