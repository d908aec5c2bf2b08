import { USER_TASK_KINDS } from '@kuaibao/domain';
import { Select } from 'antd';
import { useOrgUnits } from '../api/queries';
import type { InboxQuery } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** Kind, severity, category, reporting unit, overdue, and the sort order of the inbox. */
export function InboxFilters({ query, onChange }: { query: InboxQuery; onChange: (change: Partial<InboxQuery>) => void }) {
  const { t, labels, options, locale } = useI18n();
  const units = useOrgUnits();
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: locale === 'en' && u.nameEn ? u.nameEn : u.name }));
  const select = (key: 'kind' | 'severity' | 'category' | 'unit', placeholder: string, options: { value: string; label: string }[]) => (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder}
      value={query[key]}
      onChange={(value?: string) => onChange({ [key]: value })}
      options={options}
      data-testid={`filter-${key}`}
      popupMatchSelectWidth={false}
    />
  );
  return (
    <div className="kb-filters">
      {select('kind', t('inbox.filter.kind'), USER_TASK_KINDS.map((k) => ({ value: k, label: labels.userTaskKind[k] })))}
      {select('severity', t('inbox.filter.severity'), options.severity)}
      {select('category', t('inbox.filter.category'), options.category)}
      {select('unit', t('inbox.filter.unit'), unitOptions)}
      <Select
        allowClear
        placeholder={t('inbox.filter.overdue')}
        value={query.overdue}
        onChange={(overdue?: 'true' | 'false') => onChange({ overdue })}
        options={[
          { value: 'true', label: t('inbox.filter.overdueOnly') },
          { value: 'false', label: t('inbox.filter.notOverdue') },
        ]}
        data-testid="filter-overdue"
      />
      <Select
        value={query.sort}
        onChange={(sort: 'due' | 'created') => onChange({ sort })}
        options={[
          { value: 'due', label: t('inbox.sort.due') },
          { value: 'created', label: t('inbox.sort.created') },
        ]}
        aria-label={t('inbox.sort')}
        data-testid="sort"
        popupMatchSelectWidth={false}
      />
    </div>
  );
}
