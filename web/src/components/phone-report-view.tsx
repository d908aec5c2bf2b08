import { Descriptions } from 'antd';
import { useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/time';

export interface PhoneReportContent {
  callerName?: string;
  callerPhone?: string;
  callerUnitName?: string;
  calledAt?: string;
  summary?: string;
  receivedBy?: string;
}

/** 电话报告: who called from which unit, when, what they said, and who took the call. */
export function PhoneReportView({ content }: { content: PhoneReportContent }) {
  const { t, field, paren } = useI18n();
  return (
    <Descriptions size="small" column={1} data-testid="phone-report" items={[
      { key: 'caller', label: field('callerName'), children: `${content.callerName ?? '—'}${content.callerPhone ? paren(content.callerPhone) : ''}` },
      { key: 'unit', label: field('callerUnitId'), children: content.callerUnitName ?? '—' },
      { key: 'at', label: field('calledAt'), children: formatDateTime(content.calledAt) },
      { key: 'summary', label: field('summary'), children: <span className="kb-pre">{content.summary ?? '—'}</span> },
      { key: 'by', label: t('phone.receivedBy'), children: content.receivedBy ?? '—' },
    ]} />
  );
}
