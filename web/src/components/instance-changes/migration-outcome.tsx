import type { MigrationItemResult } from '@kuaibao/domain';
import { Alert } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { ChangeRefusals } from './change-refusals';

/** What a (dry) run of a migration answered for the instance: what moves where, and what cannot and why. */
export function MigrationOutcome({ dryRun, result }: { dryRun: boolean; result: MigrationItemResult }) {
  const { t } = useI18n();
  if (result.status) return <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="migrate-outcome" title={result.detail} />;
  const moves = result.moves.map((m) => `${m.elementName ?? m.elementId} → ${m.targetElementName ?? m.targetElementId}`).join('；');
  return (
    <div data-testid="migrate-outcome" data-ok={String(result.ok)}>
      {result.ok
        ? <Alert type="success" showIcon style={{ marginBottom: 12 }} title={dryRun ? t('change.migrate.ok') : t('change.migrate.done', { version: result.targetVersion ?? '' })} description={`${t(dryRun ? 'change.migrate.wouldMove' : 'change.migrate.moved')}${moves}`} />
        : <ChangeRefusals refusals={result.refusals} title={`${t('change.refused')}${moves ? ` · ${t('change.migrate.wouldMove')}${moves}` : ''}`} />}
    </div>
  );
}
