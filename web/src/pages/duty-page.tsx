import { Tabs, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { DailyReportTab } from '../components/duty/daily-report-tab';
import { InstructionsTab } from '../components/duty/instructions-tab';
import { RosterTab } from '../components/duty/roster-tab';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../api/session';
import { HolidaysPage } from './holidays-page';

const TABS = ['roster', 'daily', 'instructions', 'holidays'] as const;

/**
 * 值班管理 (issue 23): 值班排班, 值班信息日报, 领导批示 and 节假日报表 (seed 004's holiday returns, not a designer's) — one tab
 * each, the tab in the address so it can be linked; one menu entry for the duty office's work keeps the header's menu short.
 */
export function DutyPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const filesHolidayReturns = !!me?.roles.some((r) => r !== 'designer');
  const navigate = useNavigate();
  const { tab } = useParams();
  const active = TABS.find((x) => x === tab) ?? 'roster';
  return (
    <div>
      <Typography.Title level={3}>{t('duty.title')}</Typography.Title>
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/duty/${key}`)}
        destroyOnHidden
        items={[
          { key: 'roster', label: t('duty.tab.roster'), children: <RosterTab /> },
          { key: 'daily', label: t('duty.tab.daily'), children: <DailyReportTab /> },
          { key: 'instructions', label: t('duty.tab.instructions'), children: <InstructionsTab /> },
          ...(filesHolidayReturns ? [{ key: 'holidays', label: <span data-testid="tab-holidays">{t('nav.holidays')}</span>, children: <HolidaysPage embedded /> }] : []),
        ]}
      />
    </div>
  );
}
