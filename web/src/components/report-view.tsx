import { Descriptions, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useOrgUnits, useUnitName } from '../api/queries';
import type { ReportContent } from '../api/types';
import { labelOf, useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/time';
import { CategoryTag, SeverityTag } from './tags';
import { useScreens } from '../lib/screens';

const TEXTS = ['progress', 'course', 'harm', 'cause', 'trend', 'measures', 'helpNeeded', 'notes'] as const;
const COUNTS = ['dead', 'injured', 'seriouslyInjured', 'missing', 'trapped', 'poisoned'] as const;

/** Every element of a report (时间、地点、事件、影响、经过、原因、措施…), labelled with the domain's field names. */
export function ReportView({ content, highlight = [] }: { content: ReportContent; highlight?: string[] }) {
  const { field, t, labels, paren, list } = useI18n();
  const units = useOrgUnits();
  const screens = useScreens();
  const unitName = useUnitName();
  const division = (code: string | undefined) => unitName(units.data?.find((u) => u.kind === 'government' && u.divisionCode === code)?.id, '');
  const changed = (key: string) => (highlight.includes(key) ? <Tag color="orange" style={{ marginLeft: 6 }}>✎</Tag> : null);
  const casualties = content.casualties;
  const place = content.place;
  const secure = content.secureTransmission;

  const items: DescriptionsProps['items'] = [
    { key: 'title', label: field('title'), span: 'filled', children: <strong>{content.title}{changed('title')}</strong> },
    { key: 'category', label: field('category'), children: content.category ? <CategoryTag category={content.category} /> : '—' },
    { key: 'severity', label: field('severity'), children: content.severity ? <><SeverityTag severity={content.severity} />{changed('severity')}</> : '—' },
    { key: 'sensitive', label: field('sensitive'), children: t(content.sensitive ? 'common.yes' : 'common.no') },
    { key: 'mayEscalate', label: field('mayEscalate'), children: t(content.mayEscalate ? 'common.yes' : 'common.no') },
    { key: 'occurredAt', label: field('occurredAt'), children: formatDateTime(content.occurredAt) },
    { key: 'learnedAt', label: field('learnedAt'), children: formatDateTime(content.learnedAt) },
    ...(content.receivedAt ? [{ key: 'receivedAt', label: field('receivedAt'), children: formatDateTime(content.receivedAt) }] : []),
    ...(content.endedAt ? [{ key: 'endedAt', label: <>{field('endedAt')}{changed('endedAt')}</>, children: formatDateTime(content.endedAt) }] : []),
    {
      key: 'place',
      label: field('place'),
      span: 'filled',
      children: place ? `${division(place.divisionCode)}${paren(place.divisionCode)}${place.address ?? ''}${place.longitude !== undefined ? `  ${place.longitude}, ${place.latitude}` : ''}` : '—',
    },
    {
      key: 'casualties',
      label: <>{field('casualties')}{changed('casualties')}</>,
      span: 'filled',
      children: casualties ? list(COUNTS.filter((k) => casualties[k] !== undefined).map((k) => `${field(k)} ${casualties[k]}`)) : '—',
    },
    ...(content.economicLossYuan !== undefined ? [{ key: 'loss', label: field('economicLossYuan'), children: content.economicLossYuan.toLocaleString() }] : []),
    ...TEXTS.filter((k) => content[k]).map((k) => ({ key: k, label: <>{field(k)}{changed(k)}</>, span: 'filled' as const, children: <div className="kb-pre">{content[k]}</div> })),
    // 涉密: only who sent it, when and through which secure channel (ADR 0011)
    ...(secure
      ? [{
          key: 'secureTransmission',
          label: field('secureTransmission'),
          span: 'filled' as const,
          children: `${labelOf(labels, 'secureChannel', secure.channel)} · ${secure.handledBy.name} · ${formatDateTime(String(secure.sentAt))}${secure.documentNumber ? ` · ${secure.documentNumber}` : ''}`,
        }]
      : []),
    { key: 'unit', label: field('reportingUnitId'), children: unitName(content.reportingUnitId) },
    { key: 'contact', label: field('contact'), children: content.contact ? `${content.contact.name}  ${content.contact.phone}` : '—' },
  ];
  return <Descriptions className="kb-report-view" bordered size="small" column={1} layout={screens.sm ? 'horizontal' : 'vertical'} items={items} data-testid="report-view" />;
}
