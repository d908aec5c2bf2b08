import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { labels } from '@kuaibao/domain';
import type { DemoJurisdiction } from '@kuaibao/db';
import { waitForTask, type Client } from './client';

/** The import's columns (docs/adr/0028), as an office fills the sheets in. */
export const UNIT_HEADER = ['单位编码', '名称', '英文名称', '单位类型', '层级', '行政区划代码', '上级单位编码', '上级主管部门编码', '同级政府编码', '受理值班室编码', '启用'];
export const PERSON_HEADER = ['用户名', '姓名', '所属单位编码', '角色', '电话', '启用'];

/** An XLSX with the sheets 单位 and 人员, base64 as the import takes it. */
export async function xlsx(units: unknown[][], people: unknown[][], edit?: (book: ExcelJS.Workbook) => void) {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('单位').addRows([UNIT_HEADER, ...units]);
  book.addWorksheet('人员').addRows([PERSON_HEADER, ...people]);
  edit?.(book);
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** A CSV file (UTF-8 with BOM, as Excel saves it), base64. */
export const csv = (rows: string[][]) => Buffer.from(`\uFEFF${rows.map((r) => r.join(',')).join('\r\n')}`).toString('base64');

/** A demo jurisdiction's units and people as sheet rows: references by unit code, kinds, levels and roles by their labels. */
export function jurisdictionRows(jurisdiction: DemoJurisdiction): { units: string[][]; people: string[][] } {
  const zh = labels['zh-CN'];
  const codeOf = new Map(jurisdiction.units.map((u) => [u.id, u.code]));
  const code = (id: string | null | undefined) => (id ? codeOf.get(id)! : '');
  return {
    units: jurisdiction.units.map((u) => [
      u.code, u.name, u.nameEn ?? '', zh.unitKind[u.kind], zh.unitLevel[u.level], u.divisionCode, code(u.parentId), code(u.superiorDepartmentId), code(u.sameLevelGovernmentId), '', '是',
    ]),
    people: jurisdiction.users.map((p) => [p.username, p.displayName, code(p.unitId), p.roles.map((r) => zh.role[r as keyof typeof zh.role]).join('、'), p.phone ?? '', '是']),
  };
}

/** Completes each step's task of the incident in turn, as its user (the engine creates them asynchronously). */
export async function completeInTurn(incidentNumber: string, steps: readonly (readonly [Client, string, unknown])[]) {
  for (const [user, kind, body] of steps) {
    const task = await waitForTask(user, incidentNumber, kind);
    expect((await user.post(`/api/tasks/${task.key}/complete`, body)).status, `${user.username} ${kind}`).toBe(204);
  }
}
