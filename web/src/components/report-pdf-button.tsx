import { FilePdfOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n/i18n';

/**
 * 导出 PDF: the report as the 突发事件信息报告 document (docs/adr/0042), rendered by the server for A4 and downloaded;
 * in the UI's language. Not printed with the page.
 */
export function ReportPdfButton({ reportId, kind }: { reportId: string; kind: string }) {
  const { t, locale } = useI18n();
  return (
    <Button
      size="small"
      type="link"
      className="kb-no-print"
      icon={<FilePdfOutlined />}
      href={`/api/reports/${encodeURIComponent(reportId)}/pdf?lang=${locale}`}
      download
      aria-label={t('export.pdf.label', { kind })}
      title={t('export.pdf.label', { kind })}
      data-testid="report-pdf"
    >
      {t('export.pdf')}
    </Button>
  );
}
