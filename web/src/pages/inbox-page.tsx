import { App, Badge, Button, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useInbox } from '../api/queries';
import type { InboxQuery, InboxView } from '../api/types';
import { InboxFilters } from '../components/inbox-filters';
import { InboxTable } from '../components/inbox-list';
import { useLiveState } from '../components/live-context';
import { ViewTabs } from '../components/view-tabs';
import { WorkListNav } from '../components/work-list-nav';
import { useAcknowledgeBatch } from '../api/worklists';
import { useI18n } from '../i18n/i18n';
import { INBOX_VIEWS, inboxQueryFrom } from '../lib/inbox-query';
import { useScreens } from '../lib/screens';

// Not on a desktop's first load (issue 20): the pagination shows past 20 tasks only, the cards on phones only (antd's
// List and Card bring Pagination and Tabs, ~25 KB brotli).
const Pagination = lazy(() => import('antd/es/pagination'));
const InboxCards = lazy(() => import('../components/inbox-cards'));

const LIVE_BADGE = { connecting: 'processing', live: 'success', reconnecting: 'warning', offline: 'warning' } as const;

/** The inbox query lives in the address bar: a filtered inbox can be bookmarked and survives a reload. */
function useInboxQuery(): [InboxQuery, (change: Partial<InboxQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const query = inboxQueryFrom(params);
  const update = (change: Partial<InboxQuery>) => {
    const next = { ...query, page: 1, ...change };
    const entries = Object.entries(next).filter(([k, v]) => v !== undefined && !(k === 'page' && v === 1) && !(k === 'sort' && v === 'due') && !(k === 'view' && v === 'all'));
    setParams(new URLSearchParams(entries.map(([k, v]) => [k, String(v)])), { replace: true });
  };
  return [query, update];
}

export function InboxPage() {
  const { t } = useI18n();
  const [query, update] = useInboxQuery();
  const inbox = useInbox(query);
  const live = useLiveState();
  const screens = useScreens();
  const counts = inbox.data?.counts;
  const [selected, setSelected] = useState<string[]>([]);
  const batch = useAcknowledgeBatch();
  const { modal, message } = App.useApp();
  // 批量签收: each selected receipt acknowledged on its own; what failed stays selected with its reason shown.
  const acknowledgeSelected = () =>
    modal.confirm({
      title: t('batch.confirm', { n: selected.length }),
      okText: t('confirm.ok'),
      cancelText: t('confirm.cancel'),
      onOk: async () => {
        const result = await batch.mutateAsync(selected);
        setSelected(result.results.filter((r) => !r.ok).map((r) => r.key));
        const text = t('batch.result', { ok: result.acknowledged, failed: result.failed });
        if (result.failed > 0) void message.warning(`${text}：${result.results.filter((r) => !r.ok).map((r) => r.detail).join('；')}`);
        else void message.success(text);
      },
    });

  return (
    <div>
      <div className="kb-page-title">
        <Typography.Title level={3}>{t('inbox.title')}</Typography.Title>
        <WorkListNav current="todo" />
        <span>
          {counts && counts.overdue > 0 && <Tag color="red" data-testid="overdue-count">{t('inbox.overdueCount', { n: counts.overdue })}</Tag>}
          <Badge status={LIVE_BADGE[live]} text={t(live === 'live' ? 'inbox.live' : live === 'connecting' ? 'inbox.connecting' : 'inbox.offline')} data-testid="live-state" data-state={live} />
        </span>
      </div>
      <section className="kb-panel">
        <ViewTabs<InboxView>
          label={t('inbox.views')}
          active={query.view}
          onChange={(view) => update({ view })}
          items={INBOX_VIEWS.map((view) => ({
            key: view,
            label: (
              <span data-testid={`view-${view}`}>
                {t(`inbox.view.${view}`)} <Badge count={counts?.[view] ?? 0} showZero color={view === 'mine' ? '#1d4ed8' : '#8c8c8c'} overflowCount={999} />
              </span>
            ),
          }))}
        />
        <InboxFilters query={query} onChange={update} />
        {selected.length > 0 && (
          <Button type="primary" style={{ marginBottom: 8 }} loading={batch.isPending} onClick={acknowledgeSelected} data-testid="batch-acknowledge">{t('batch.acknowledge', { n: selected.length })}</Button>
        )}
        {screens.md ? <InboxTable items={inbox.data?.items ?? []} loading={inbox.isLoading} selection={{ selected, onChange: setSelected }} /> : <Suspense fallback={<Spin />}><InboxCards items={inbox.data?.items ?? []} loading={inbox.isLoading} /></Suspense>}
        {(inbox.data?.total ?? 0) > 20 && (
          <Suspense fallback={null}>
            <Pagination style={{ marginTop: 12, textAlign: 'right' }} current={query.page} pageSize={20} total={inbox.data?.total ?? 0} showSizeChanger={false} onChange={(page) => update({ page })} />
          </Suspense>
        )}
      </section>
    </div>
  );
}
