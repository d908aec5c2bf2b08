import { Empty, Tag, Timeline, Typography } from 'antd';
import type { Opinion } from '../api/types';
import { labelOf, useI18n } from '../i18n/i18n';
import { formatDateTime } from '../lib/time';
import type { MessageKey } from '../i18n/messages';

const DECISIONS = ['confirm', 'close', 'approve', 'return', 'co_sign_before', 'co_sign_after'];

/** The opinions given so far on a report: who, when, which step, what they decided and wrote. */
export function Opinions({ opinions }: { opinions: Opinion[] }) {
  const { t, labels, field } = useI18n();
  if (opinions.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noOpinions')} />;
  return (
    <Timeline
      data-testid="opinions"
      items={opinions.map((o) => ({
        color: o.decision === 'return' || o.decision === 'close' ? 'red' : 'green',
        content: (
          <div>
            <div>
              <strong>{o.actor}</strong> · {labelOf(labels, 'userTaskKind', o.kind ?? o.name)}{' '}
              {o.decision && DECISIONS.includes(o.decision) && <Tag color={o.decision === 'return' || o.decision === 'close' ? 'red' : 'green'}>{t(`decision.${o.decision}` as MessageKey)}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(o.at)}</Typography.Text>
            </div>
            {o.opinion && <div className="kb-pre">{o.opinion}</div>}
            {o.corrections && o.corrections.length > 0 && (
              <Typography.Text type="secondary">{t('task.corrections')}：{o.corrections.map((k) => field(k as Parameters<typeof field>[0]) ?? k).join('、')}</Typography.Text>
            )}
          </div>
        ),
      }))}
    />
  );
}
