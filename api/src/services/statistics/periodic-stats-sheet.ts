import type { DutyStats, PeriodicStats } from '@kuaibao/domain';
import ExcelJS from 'exceljs';
import type { Locale } from '../../http/locale';

const HEAD = {
  'zh-CN': {
    overview: '概况', category: '按类别', severity: '按等级', units: '按单位', period: '统计期间', from: '开始日期', to: '结束日期',
    incidents: '事件数', dead: '死亡（人）', injured: '受伤（人）', missing: '失踪（人）', loss: '直接经济损失（元）',
    categoryCol: '事件类别', severityCol: '事件等级', unit: '报送单位', due: '应报', reported: '已报', reportingRate: '报送率',
    met: '首报按时（时限）', late: '首报超时（时限）', timelyRate: '及时率', lateIncidents: '迟报（起）', missed: '漏报（起）',
    verificationMet: '核报按时', verificationLate: '核报超时', score: '考评得分',
    daily: '值班信息日报', dailyUnit: '报送单位', expected: '应报（天）', onTime: '按时报送', dailyLate: '迟报', dailyMissed: '漏报', pending: '待报送', onTimeRate: '按时报送率',
    instructions: '领导批示落实', namedUnit: '承办单位', named: '批示（件）', instrMet: '按时落实', instrLate: '逾期落实', instrOverdue: '逾期未落实', instrOpen: '办理中',
  },
  en: {
    overview: 'Overview', category: 'By category', severity: 'By grade', units: 'By unit', period: 'Period', from: 'From', to: 'To',
    incidents: 'Incidents', dead: 'Dead', injured: 'Injured', missing: 'Missing', loss: 'Direct loss (yuan)',
    categoryCol: 'Category', severityCol: 'Grade', unit: 'Reporting unit', due: 'Due', reported: 'Reported', reportingRate: 'Reporting rate',
    met: 'Clocks met', late: 'Clocks late', timelyRate: 'Timely rate', lateIncidents: 'Late (incidents)', missed: 'Missed (incidents)',
    verificationMet: 'Verification on time', verificationLate: 'Verification late', score: 'Score',
    daily: 'Daily duty reports', dailyUnit: 'Unit', expected: 'Due (days)', onTime: 'On time', dailyLate: 'Late', dailyMissed: 'Missed', pending: 'Still due', onTimeRate: 'On-time rate',
    instructions: 'Leader instructions', namedUnit: 'Unit', named: 'Instructions', instrMet: 'Done in time', instrLate: 'Done late', instrOverdue: 'Overdue, not done', instrOpen: 'Open',
  },
} as const;

/**
 * 定期统计 as an XLSX workbook (exceljs, as the org export): overview, by category, by grade, by unit; with `duty`, the
 * caller's unit's duty work too (值班信息日报 per reporting unit, 领导批示 落实 per named unit); rates as percentages.
 */
export async function periodicStatsSheet(stats: PeriodicStats, locale: Locale, duty?: DutyStats): Promise<Buffer> {
  const h = HEAD[locale];
  const book = new ExcelJS.Workbook();
  book.creator = 'kuaibao';
  const sheet = (name: string, header: string[], rows: (string | number | null)[][], widths: number[]) => {
    const ws = book.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    ws.columns.forEach((column, i) => (column.width = widths[i] ?? 12));
    return ws;
  };
  sheet(h.overview, [h.period, h.from, h.to, h.incidents, h.dead, h.injured, h.missing, h.loss], [[stats.label, stats.from, stats.to, stats.total.incidents, stats.total.dead, stats.total.injured, stats.total.missing, stats.total.economicLossYuan]], [16, 12, 12]);
  sheet(h.category, [h.categoryCol, h.incidents], stats.byCategory.map((c) => [c.label, c.incidents]), [16]);
  sheet(h.severity, [h.severityCol, h.incidents], stats.bySeverity.map((s) => [s.label, s.incidents]), [18]);
  const units = sheet(
    h.units,
    [h.unit, h.incidents, h.due, h.reported, h.reportingRate, h.met, h.late, h.timelyRate, h.lateIncidents, h.missed, h.verificationMet, h.verificationLate, h.score],
    stats.units.map((u) => [u.unitName, u.incidents, u.due, u.reported, u.reportingRate, u.met, u.late, u.timelyRate, u.lateIncidents, u.missed, u.verificationMet, u.verificationLate, u.score]),
    [26],
  );
  for (const col of [5, 8]) units.getColumn(col).numFmt = '0.0%';
  if (duty) {
    const daily = sheet(
      h.daily,
      [h.dailyUnit, h.expected, h.onTime, h.dailyLate, h.dailyMissed, h.pending, h.onTimeRate],
      duty.dailyReports.map((u) => [u.unitName, u.expected, u.onTime, u.late, u.missed, u.pending, u.onTimeRate]),
      [26],
    );
    daily.getColumn(7).numFmt = '0.0%';
    sheet(h.instructions, [h.namedUnit, h.named, h.instrMet, h.instrLate, h.instrOverdue, h.instrOpen], duty.instructions.units.map((u) => [u.unitName, u.named, u.met, u.late, u.overdue, u.open]), [26]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
