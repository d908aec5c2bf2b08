import { Card, Descriptions, Empty } from 'antd';
import type { Dossier, ReportContent } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/time';
import { ReportView } from './report-view';

interface Ask {
  question?: string;
  replies?: { channel: 'phone' | 'written'; text: string; repliedAt: string; repliedBy: string }[];
}

/**
 * 核报反馈 (issue 20, defect 4): what the duty office asks, the answers already given (the phone answer, for whoever
 * writes the written one), and the incident's report as it stands — the task's own row holds only the request.
 */
export function VerificationAsk({ content, dossier }: { content: ReportContent; dossier: Dossier | undefined }) {
  const { t } = useI18n();
  const ask = content as unknown as Ask;
  const report = dossier?.reports.filter((r) => r.kind !== 'verification' && r.kind !== 'phone' && r.status !== 'returned').at(-1);
  return (
    <>
      <Card title={t('verification.question')} style={{ marginTop: 16 }}>
        <div className="kb-pre" data-testid="verification-question">{ask.question ?? '—'}</div>
        {(ask.replies?.length ?? 0) > 0 && (
          <Descriptions size="small" column={1} style={{ marginTop: 12 }} data-testid="verification-earlier-replies"
            items={(ask.replies ?? []).map((reply, i) => ({
              key: String(i),
              label: `${t(reply.channel === 'phone' ? 'task.reply.phone' : 'task.reply.written')} · ${reply.repliedBy} · ${formatDateTime(reply.repliedAt)}`,
              children: <span className="kb-pre">{reply.text}</span>,
            }))}
          />
        )}
      </Card>
      <Card title={t('task.report')} style={{ marginTop: 16 }} data-testid="verification-report" loading={!dossier}>
        {report ? <ReportView content={report.content} /> : <Empty />}
      </Card>
    </>
  );
}
