import { addDays, beijingDay, beijingInstant, mondayOf } from '@kuaibao/domain';
import type { Prisma, PrismaClient } from '@prisma/client';

/**
 * 临沧's duty demo (issue 23): 临沧市总值班室's roster for the week of `now` (黄磊 leading, 杨帆 and 黄磊 on duty, the
 * weekend marked as holidays), and yesterday's 值班信息日报 of 临翔区总值班室 filed in time — while 双江县's is missing and
 * 临翔区 has no roster, which the city duty office's pages flag.
 */
export async function seedDemoDuty(prisma: PrismaClient | Prisma.TransactionClient, now: Date): Promise<void> {
  const monday = mondayOf(beijingDay(now));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  await prisma.dutyRosterDay.createMany({
    data: days.map((day, i) => ({
      unitId: 'lc-duty', day, leaderUserId: 'user-lc_duty_leader', officerUserIds: ['user-lc_duty', 'user-lc_duty_leader'],
      holiday: i >= 5, holidayName: i >= 5 ? '周末' : null, note: null, updatedById: 'user-lc_duty', updatedAt: now,
    })),
    skipDuplicates: true,
  });
  const yesterday = addDays(beijingDay(now), -1);
  await prisma.dutyDailyReport.createMany({
    data: [{
      id: `demo-daily-lx-${yesterday}`, unitId: 'lx-duty', day: yesterday, receiverId: 'lc-duty', filedAt: beijingInstant(yesterday, '15:20'), filedById: 'user-lx_duty', filedByName: '陈静',
      content: { day: yesterday, leaderName: '张伟', officerNames: '陈静', incidentsReceived: 1, reportsSubmitted: 1, rollCall: 'answered', summary: '值班正常。接报马台乡森林火灾 1 起，已按规定首报。', filledBy: '陈静', phone: '0883-2100010' },
    }],
    skipDuplicates: true,
  });
}
