import type { HolidayPeriod } from '@kuaibao/domain';
import type { PrismaClient } from '@prisma/client';

/**
 * 临沧's holidays for the demo (seed 004: returns by 14:30, the city's summary to the province by 15:00), collected by
 * 临沧市应急管理局 from the county bureaus. The dates follow the usual pattern; the State Council's notice decides.
 */
export const DEMO_HOLIDAYS: HolidayPeriod[] = [
  { id: 'lc-2027-yuandan', name: '2027年元旦', collectorUnitId: 'lc-yjj', firstDay: '2027-01-01', lastDay: '2027-01-03', returnDue: '14:30', summaryDue: '15:00' },
  { id: 'lc-2027-chunjie', name: '2027年春节', collectorUnitId: 'lc-yjj', firstDay: '2027-02-06', lastDay: '2027-02-12', returnDue: '14:30', summaryDue: '15:00' },
];

/** A holiday period (seed factory shared by the demo data and tests). */
export async function seedHolidayPeriod(prisma: PrismaClient, period: HolidayPeriod): Promise<void> {
  await prisma.holidayPeriod.create({ data: period });
}
