import { makePasswordSchema } from '@kuaibao/domain';
import { z } from 'zod';
import type { RouteModule } from '../../deps';
import { perLocale } from '../../http/locale';
import { parseBody, parseQuery } from '../../http/validate';
import { exportJurisdiction } from '../../services/admin/export-service';
import { importJurisdiction, type ImportPlan } from '../../services/admin/import-service';
import { AppError, bilingual } from '../../errors/app-error';
import { actorOf, requireAdmin } from './actor';

/** The largest import body (base64 files); the app reads this path's JSON with this limit (app.ts). */
export const IMPORT_BODY_LIMIT = '25mb';

const makeImportSchema = (locale: 'zh-CN' | 'en') =>
  z.strictObject({
    files: z.array(z.strictObject({ name: z.string().min(1).max(200), content: z.base64() })).min(1).max(4),
    dryRun: z.boolean().default(true),
    initialPassword: makePasswordSchema(locale).optional(),
  });

const exportQuerySchema = z.strictObject({
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
  table: z.enum(['units', 'people']).default('units'),
  rootId: z.string().max(64).optional(),
  lang: z.string().optional(),
});

const planSchema = z.object({
  ok: z.boolean(),
  applied: z.boolean(),
  summary: z.record(z.string(), z.record(z.string(), z.number())),
  problems: z.array(z.object({ table: z.string().nullable(), row: z.number().nullable(), column: z.string().nullable(), message: z.string() })),
  rows: z.array(z.object({ table: z.string(), row: z.number(), key: z.string(), outcome: z.enum(['create', 'update', 'unchanged', 'error']), errors: z.array(z.object({ column: z.string().nullable(), message: z.string() })) })),
});

/** An apply with errors: problem details naming each file problem and each row's column (`units.3.上级单位编码`); nothing was written. */
function importRefused(plan: ImportPlan): AppError {
  const errors = [
    ...plan.problems.map((p) => ({ path: [p.table, p.row, p.column].filter((x) => x !== null).join('.'), message: p.message })),
    ...plan.rows.flatMap((r) => r.errors.map((e) => ({ path: [r.table, r.row, e.column].filter((x) => x !== null).join('.'), message: e.message }))),
  ];
  return new AppError('VALIDATION_FAILED', bilingual(`导入未执行：共 ${errors.length} 处错误，未写入任何数据`, `Nothing imported: ${errors.length} errors; nothing was written`), errors);
}

/** 导入导出 (docs/adr/0028): a jurisdiction's units and people as XLSX or CSV; the import's dry run and its all-or-nothing apply. */
export const importExport: RouteModule = ({ router, registry, deps }) => {
  const bodyFor = perLocale(makeImportSchema);
  registry.registerPath({
    method: 'post', path: '/api/admin/import', tags: ['admin'],
    summary: '导入 / Import units and people from XLSX (sheets 单位, 人员) or CSV files (base64): dryRun answers every row’s outcome and errors (row, column); an apply writes all or nothing',
    request: { body: { content: { 'application/json': { schema: makeImportSchema('zh-CN') } } } },
    responses: {
      200: { description: 'The plan (dry run), or the plan applied', content: { 'application/json': { schema: planSchema } } },
      400: { description: 'A bad request body, or an apply refused because of errors (each table.row.column: units.3.上级单位编码); nothing written' }, 404: { description: 'Not an admin' },
    },
  });
  router.post('/api/admin/import', async (req, res) => {
    const who = actorOf(req, res);
    const body = parseBody(bodyFor(req), req);
    const plan = await importJurisdiction(deps, who, body);
    if (!body.dryRun && !plan.applied) throw importRefused(plan);
    res.json(plan);
  });

  registry.registerPath({
    method: 'get', path: '/api/admin/export', tags: ['admin'],
    summary: '导出 / The units and people the admin manages (or below rootId) as XLSX (both sheets) or CSV (table=units|people)',
    request: { query: exportQuerySchema },
    responses: { 200: { description: 'The file' }, 404: { description: 'Not an admin, or rootId outside what the caller manages' } },
  });
  router.get('/api/admin/export', async (req, res) => {
    const user = requireAdmin(res);
    const query = parseQuery(exportQuerySchema, req);
    const file = await exportJurisdiction(deps, user, query);
    const name = `kuaibao-${query.format === 'csv' ? query.table : 'jurisdiction'}.${file.extension}`;
    res.type(file.type).setHeader('Content-Disposition', `attachment; filename="${name}"`).send(file.body);
  });
};
