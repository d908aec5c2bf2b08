import type { ClockCounts, TimelinessStats } from '@kuaibao/domain';
import ExcelJS from 'exceljs';
import type { Locale } from '../../http/locale';

const HEAD = {
  'zh-CN': {
    sheet: '时效统计', period: '统计时段', through: '至', unit: '单位', incidents: '事件数', mandatory: '须报送', voluntary: '自愿报送', total: '合计',
    phone: '首报电话报告', written: '首报书面报告', verification: '核报反馈', stateCouncil: '报国务院（省级）', met: '按时', late: '迟报', open: '进行中', rate: '按时率',
  },
  en: {
    sheet: 'Timeliness', period: 'Period', through: 'to', unit: 'Unit', incidents: 'Incidents', mandatory: 'Mandatory', voluntary: 'Voluntary', total: 'Total',
    phone: 'First report by phone', written: 'First report in writing', verification: 'Verification answers', stateCouncil: 'To the State Council (province)', met: 'In time', late: 'Late', open: 'Running', rate: 'On-time rate',
  },
} as const;
const CHANNELS = ['phone', 'written', 'verification', 'stateCouncil'] as const;

/** 按时率 = met ÷ (met + late), as the web page computes it; nothing to rate is an empty cell. */
const rate = (c: ClockCounts) => (c.met + c.late === 0 ? null : c.met / (c.met + c.late));
const figures = (c: ClockCounts) => [c.met, c.late, c.open, rate(c)];

/**
 * 时效统计 as an XLSX workbook (exceljs, as 定期统计's export, ADR 0050): the period, then a row per unit as the page's
 * table shows it (each channel's 按时, 迟报, 进行中, 按时率 under its heading) and the total; rates as percentages.
 */
export async function timelinessSheet(stats: TimelinessStats, locale: Locale): Promise<Buffer> {
  const h = HEAD[locale];
  const book = new ExcelJS.Workbook();
  book.creator = 'kuaibao';
  const ws = book.addWorksheet(h.sheet);
  ws.addRow([h.period, `${stats.from} ${h.through} ${stats.to}`]);
  const groups = ws.addRow([h.unit, h.incidents, h.mandatory, h.voluntary, ...CHANNELS.flatMap((c) => [h[c], '', '', ''])]);
  const heads = ws.addRow(['', '', '', '', ...CHANNELS.flatMap(() => [h.met, h.late, h.open, h.rate])]);
  groups.font = heads.font = { bold: true };
  for (let col = 1; col <= 4; col++) ws.mergeCells(2, col, 3, col);
  CHANNELS.forEach((_, i) => ws.mergeCells(2, 5 + i * 4, 2, 8 + i * 4));
  for (const u of stats.units) ws.addRow([u.unitName, u.incidents, u.mandatory, u.voluntary, ...CHANNELS.flatMap((c) => figures(u[c]))]);
  const t = stats.total;
  ws.addRow([h.total, t.incidents, t.mandatory, t.voluntary, ...CHANNELS.flatMap((c) => figures(t[c]))]).font = { bold: true };
  ws.getColumn(1).width = 26;
  CHANNELS.forEach((_, i) => (ws.getColumn(8 + i * 4).numFmt = '0.0%'));
  return Buffer.from(await book.xlsx.writeBuffer());
}
