import { Steps } from 'antd';
import type { TimelineEntry } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { progressSteps } from '../lib/progress-steps';
import { formatDateTime } from '../lib/time';

const STATUS = { done: 'finish', current: 'process', next: 'wait', ended: 'wait' } as const;

/** 提交 → 核实 → 审签 → 双重上报 → 市政府总值班室签收, with who and when: where a report stands, at a glance. */
export function ProgressLine({ report, trail }: { report: Parameters<typeof progressSteps>[0]; trail: readonly TimelineEntry[] }) {
  const { t } = useI18n();
  const steps = progressSteps(report, trail);
  return (
    <Steps
      size="small"
      className="kb-progress"
      data-testid="progress-line"
      items={steps.map((step) => ({
        title: t(`progress.${step.key}` as MessageKey),
        status: STATUS[step.state],
        description: (
          <span data-testid={`progress-${step.key}`} data-state={step.state}>
            {step.state === 'done' ? `${step.who ?? ''} ${step.at ? formatDateTime(step.at) : ''}` : step.state === 'current' ? t('progress.current') : step.state === 'ended' ? t('progress.ended') : ''}
          </span>
        ),
      }))}
    />
  );
}
