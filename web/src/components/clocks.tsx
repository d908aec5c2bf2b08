import { Empty, List, Tag, Typography } from 'antd';
import type { ClockView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { formatDateTime, formatDuration, useNow } from '../lib/time';
import { Countdown } from './countdown';

const STATE_COLOR: Record<ClockView['state'], string> = { open: 'processing', overdue: 'error', met: 'success', late: 'error', void: 'default' };

/** 法定时限 of one report: phone and written, each with its deadline, rule, policy version, outcome and actual time. */
export function Clocks({ clocks }: { clocks: ClockView[] }) {
  const { t, locale } = useI18n();
  const now = useNow();
  if (clocks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clock.none')} />;
  return (
    <List<ClockView>
      size="small"
      dataSource={clocks}
      renderItem={(clock) => (
        <List.Item data-testid={clock.party === 'province' ? 'clock-province' : `clock-${clock.channel}`} data-state={clock.state}>
          <div style={{ width: '100%' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
              <strong>{clock.party === 'province' ? t('clock.party.province') : t(`clock.channel.${clock.channel}` as MessageKey)}</strong>
              <span>
                <Tag color={STATE_COLOR[clock.state]}>{t(`clock.state.${clock.state}` as MessageKey)}</Tag>
                {(clock.state === 'open' || clock.state === 'overdue') && <Countdown due={clock.dueAt} now={now} />}
              </span>
            </div>
            <div>
              {t('clock.due', { at: formatDateTime(clock.dueAt), within: clock.immediate ? t('clock.immediate') : formatDuration(clock.within, locale) })}
              {clock.actualAt && <> · {t('clock.actual', { at: formatDateTime(clock.actualAt) })}{clock.metBy === 'phone_report' && t('clock.byPhone')}</>}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {clock.rule} · {t('clock.policy', { code: clock.policyCode, version: clock.policyVersion })}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}
