import { z } from 'zod';
import { requireUser } from '../../auth/session-user';
import type { RouteModule } from '../../deps';
import { localeOf } from '../../http/locale';
import { parseParams } from '../../http/validate';
import { exportReportPdf } from '../../services/report-pdf/report-pdf-service';

const paramsSchema = z.object({ id: z.string().min(1).max(64) });

/** 打印 / 导出 (docs/adr/0042): a 首报, 续报 or 终报 as the 突发事件信息报告 document, an A4 PDF to print or file. */
export const exportReportPdfRoute: RouteModule = ({ router, registry, deps }) => {
  registry.registerPath({
    method: 'get', path: '/api/reports/{id}/pdf', tags: ['reports'],
    summary: '导出信息报告 / A 首报, 续报 or 终报 as the 突发事件信息报告 document (A4 PDF: 报送单位, 签发人, times and every required element; a 涉密 report as its placeholder only)',
    request: { params: paramsSchema },
    responses: { 200: { description: 'The PDF (application/pdf, as an attachment)' }, 404: { description: 'Not found, not visible to the caller as the dossier, or a phone call record / 核报 request (no written report)' } },
  });
  router.get('/api/reports/:id/pdf', async (req, res) => {
    const user = requireUser(res);
    const { id } = parseParams(paramsSchema, req);
    const { body, name, asciiName } = await exportReportPdf(deps, user, id, localeOf(req));
    res
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      // what a report says is for its readers: no shared cache keeps a copy
      .setHeader('Cache-Control', 'private, no-store')
      .send(body);
  });
};
