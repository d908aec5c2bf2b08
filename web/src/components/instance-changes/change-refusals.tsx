import type { ChangeRefusalView } from '@kuaibao/domain';
import { Alert } from 'antd';
import { ApiError } from '../../api/http';
import { useI18n } from '../../i18n/i18n';

/** The engine's reasons for refusing a change (409 `refusals`), from a failed request. */
export const refusalsOf = (error: unknown): ChangeRefusalView[] | null =>
  error instanceof ApiError && error.status === 409 ? ((error.problem as { refusals?: ChangeRefusalView[] }).refusals ?? null) : null;

/** Refused, nothing changed: each reason on its own line. */
export function ChangeRefusals({ refusals, title }: { refusals: ChangeRefusalView[]; title?: string }) {
  const { t } = useI18n();
  return (
    <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="change-refusals" title={title ?? t('change.refused')}
      description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{refusals.map((r, i) => <li key={i} data-reason={r.reason}>{r.message}</li>)}</ul>} />
  );
}
