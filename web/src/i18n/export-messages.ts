/** The strings of print / export (issue 20 capability 6: the report as PDF, 时效统计 as XLSX), zh-CN first. */
export const exportZhCN = {
  'export.pdf': '导出 PDF',
  'export.pdf.label': '导出{kind}为《突发事件信息报告》（A4 PDF）',
  'stats.export': '导出 Excel',
};

export const exportEn: Record<keyof typeof exportZhCN, string> = {
  'export.pdf': 'Export PDF',
  'export.pdf.label': 'Export the {kind} as the Emergency Incident Information Report (A4 PDF)',
  'stats.export': 'Export to Excel',
};
