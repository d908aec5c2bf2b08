import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepository, createIncidentRepository, createNotificationRepository, createTestDatabase, type Database } from '@kuaibao/db';
import { createNotifier } from './notifier';
import { InMemorySmsGateway, type SmsGateway } from './sms-gateway';

describe('notifier', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await createIncidentRepository(db.prisma).createWithReport(
      { number: 'KB-530902-20261123-0001', title: '测试', category: 'natural_disaster', severity: 'II', sensitive: false, classified: false, reportingUnitId: 'lx-yjj', occurredAt: new Date(), learnedAt: new Date() },
      { id: 'r1', kind: 'first', sequence: 0, status: 'verifying', content: {}, createdById: 'u' },
      { actorName: '李明', action: 'report.submitted' },
    );
  });
  afterAll(() => db.close());

  it('texts those with a phone, records who had none or whom the gateway refused, and never texts twice for one key', async () => {
    // given: a gateway that refuses one number
    const memory = new InMemorySmsGateway();
    const gateway: SmsGateway = { send: async (m) => (m.phone === '000' ? Promise.reject(new Error('blocked')) : memory.send(m)) };
    const notifications = createNotificationRepository(db.prisma);
    const notify = createNotifier({ gateway, notifications, audit: createAuditRepository(db.prisma) });
    const notice = {
      incidentNumber: 'KB-530902-20261123-0001', reportId: 'r1', kind: 'reminder' as const, text: '【快报催办】…', dedupeKey: 'job-1:remind', detail: { dueAt: 'x' }, at: new Date(),
      targets: [{ id: 'a', displayName: '王芳', phone: '139' }, { id: 'b', displayName: '张伟', phone: null }, { id: 'c', displayName: '黄磊', phone: '000' }],
    };

    // when: the same notice twice (a re-delivered job)
    const first = await notify(notice);
    const second = await notify(notice);

    // then
    expect([first.sent, second.sent]).toEqual([1, 0]);
    expect(memory.sent.map((m) => m.phone)).toEqual(['139']);
    expect((await notifications.forIncident(notice.incidentNumber)).map((n) => [n.recipientName, n.status])).toEqual([['王芳', 'sent'], ['张伟', 'no_phone'], ['黄磊', 'failed']]);
    const audit = (await createAuditRepository(db.prisma).forIncident(notice.incidentNumber)).filter((e) => e.action === 'notification.reminder');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ dueAt: 'x', recipients: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
  });
});
