import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Bilingual } from '../../errors/app-error';

/**
 * The spreadsheet of a jurisdiction (docs/adr/0028): a 单位 table and a 人员 table, their columns named in Chinese as an
 * office keeps them. XLSX carries both as sheets; a CSV file carries one (told apart by its header). Read and written with
 * exceljs; every cell is taken as text (a division code stays 530902, never a number or a date).
 */
export const UNIT_COLUMNS = {
  code: '单位编码', name: '名称', nameEn: '英文名称', kind: '单位类型', level: '层级', divisionCode: '行政区划代码',
  parentCode: '上级单位编码', superiorDepartmentCode: '上级主管部门编码', sameLevelGovernmentCode: '同级政府编码', dutyOfficeCode: '受理值班室编码', active: '启用',
} as const;
export const PERSON_COLUMNS = { username: '用户名', displayName: '姓名', unitCode: '所属单位编码', roles: '角色', phone: '电话', active: '启用' } as const;
export const SHEETS = { units: '单位', people: '人员' } as const;
export type TableName = keyof typeof SHEETS;

/** Rows of a file beyond this (per table) are refused before anything is read further. */
export const MAX_ROWS = 20_000;

export type UnitRow = Record<keyof typeof UNIT_COLUMNS, string>;
export type PersonRow = Record<keyof typeof PERSON_COLUMNS, string>;
/** A row as read: its values by field, and its row number in the file (the header is row 1). */
export interface SheetRow<T> {
  row: number;
  values: T;
  /** Cells refused as they were read (formulas), by column. */
  cellErrors: { column: string; message: Bilingual }[];
}

/** A problem of the file itself, or of one cell: table, row and column named. */
export interface SheetProblem {
  table: TableName | null;
  row: number | null;
  column: string | null;
  message: Bilingual;
}

export interface Sheets {
  units: SheetRow<UnitRow>[];
  people: SheetRow<PersonRow>[];
  problems: SheetProblem[];
}

const COLUMNS = { units: UNIT_COLUMNS, people: PERSON_COLUMNS } as const;
const problem = (table: TableName | null, row: number | null, column: string | null, zh: string, en: string): SheetProblem => ({ table, row, column, message: { 'zh-CN': zh, en } });

/** What kind of file the bytes are: an XLSX is a zip (PK\x03\x04); a CSV is text without NUL bytes. */
export function fileKindOf(name: string, bytes: Buffer): 'xlsx' | 'csv' | null {
  const zip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (/\.xlsx$/i.test(name)) return zip ? 'xlsx' : null;
  if (/\.csv$/i.test(name)) return !zip && !bytes.subarray(0, 65_536).includes(0) ? 'csv' : null;
  return null;
}

/** Reads one file into the tables it carries, with every problem of its shape (columns, formulas, size). */
export async function readSheets(name: string, bytes: Buffer, into: Sheets): Promise<void> {
  const kind = fileKindOf(name, bytes);
  if (!kind) {
    into.problems.push(problem(null, null, null, `文件“${name}”不是受支持的类型：请上传 .xlsx 或 .csv 文件`, `${name} is not a supported file: upload .xlsx or .csv`));
    return;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    if (kind === 'xlsx') await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    else await workbook.csv.read(streamOf(stripBom(bytes)), { map: (value: unknown) => value } as never);
  } catch {
    into.problems.push(problem(null, null, null, `文件“${name}”无法读取，可能已损坏`, `${name} cannot be read; it may be damaged`));
    return;
  }
  if (kind === 'csv') {
    const sheet = workbook.worksheets[0];
    const header = sheet ? headerOf(sheet) : [];
    const table = header[0] === PERSON_COLUMNS.username ? 'people' : header[0] === UNIT_COLUMNS.code ? 'units' : null;
    if (!sheet || !table) {
      into.problems.push(problem(null, 1, null, `CSV 文件“${name}”的第一列应为“${UNIT_COLUMNS.code}”（单位表）或“${PERSON_COLUMNS.username}”（人员表）`, `The CSV ${name} must start with the column ${UNIT_COLUMNS.code} (units) or ${PERSON_COLUMNS.username} (people)`));
      return;
    }
    readTable(sheet, table, into);
    return;
  }
  const found = Object.entries(SHEETS).filter(([, sheetName]) => workbook.getWorksheet(sheetName));
  if (found.length === 0) {
    into.problems.push(problem(null, null, null, `工作簿“${name}”中没有名为“${SHEETS.units}”或“${SHEETS.people}”的工作表`, `The workbook ${name} has no sheet named ${SHEETS.units} or ${SHEETS.people}`));
  }
  for (const [table, sheetName] of found) readTable(workbook.getWorksheet(sheetName)!, table as TableName, into);
}

function readTable(sheet: ExcelJS.Worksheet, table: TableName, into: Sheets) {
  const columns = COLUMNS[table] as Record<string, string>;
  const header = headerOf(sheet);
  const wanted = Object.values(columns);
  const missing = wanted.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => c !== '' && !wanted.includes(c));
  for (const column of missing) into.problems.push(problem(table, 1, column, `${SHEETS[table]}表缺少列“${column}”`, `The ${table} table lacks the column ${column}`));
  for (const column of unknown) into.problems.push(problem(table, 1, column, `${SHEETS[table]}表有不认识的列“${column}”，应为：${wanted.join('、')}`, `The ${table} table has an unknown column ${column}; expected: ${wanted.join(', ')}`));
  if (missing.length > 0 || unknown.length > 0) return;
  if (sheet.actualRowCount - 1 > MAX_ROWS) {
    into.problems.push(problem(table, MAX_ROWS + 2, null, `${SHEETS[table]}表有 ${sheet.actualRowCount - 1} 行，超过上限 ${MAX_ROWS} 行：请分批导入`, `The ${table} table has ${sheet.actualRowCount - 1} rows, more than the limit of ${MAX_ROWS}: import it in parts`));
    return;
  }
  const fieldAt = new Map(Object.entries(columns).map(([field, column]) => [header.indexOf(column) + 1, { field, column }]));
  sheet.eachRow((sheetRow, row) => {
    if (row === 1) return;
    const values = Object.fromEntries(Object.keys(columns).map((f) => [f, ''])) as Record<string, string>;
    const cellErrors: SheetRow<unknown>['cellErrors'] = [];
    const refuse = (column: string, zh: string, en: string) => cellErrors.push({ column, message: { 'zh-CN': zh, en } });
    let blank = true;
    for (const [index, { field, column }] of fieldAt) {
      const cell = sheetRow.getCell(index);
      if (cell.type === ExcelJS.ValueType.Formula || (cell.value !== null && typeof cell.value === 'object' && 'formula' in cell.value)) {
        refuse(column, `第 ${row} 行“${column}”是公式：请只填写值`, `Row ${row}, ${column} is a formula: enter values only`);
        blank = false;
        continue;
      }
      const text = cellText(cell.value);
      if (/^[=+@]|^-\D/.test(text)) refuse(column, `第 ${row} 行“${column}”以 ${text[0]} 开头，像是公式：请只填写值`, `Row ${row}, ${column} starts with ${text[0]} like a formula: enter values only`);
      values[field] = text;
      if (text !== '') blank = false;
    }
    if (!blank) (into[table] as SheetRow<Record<string, string>>[]).push({ row, values, cellErrors });
  });
}

function headerOf(sheet: ExcelJS.Worksheet): string[] {
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = cellText(cell.value)));
  return Array.from(header, (h) => h ?? '');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('').trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  return String(value);
}

const stripBom = (bytes: Buffer) => (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes);
function streamOf(bytes: Buffer) {
  const stream = new PassThrough();
  stream.end(bytes);
  return stream;
}

/** The XLSX of a jurisdiction: both tables, header row bold and frozen, every cell text. */
export async function writeXlsx(tables: { units: UnitRow[]; people: PersonRow[] }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'kuaibao';
  for (const table of ['units', 'people'] as const) {
    const columns = COLUMNS[table] as Record<string, string>;
    const sheet = workbook.addWorksheet(SHEETS[table], { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = Object.entries(columns).map(([key, header]) => ({ key, header, width: Math.max(12, header.length * 2 + 4), style: { numFmt: '@' } }));
    sheet.getRow(1).font = { bold: true };
    for (const row of tables[table]) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One table as CSV (UTF-8 with BOM, so that Excel opens the Chinese right). */
export async function writeCsv(table: TableName, rows: (UnitRow | PersonRow)[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const columns = COLUMNS[table] as Record<string, string>;
  const sheet = workbook.addWorksheet(SHEETS[table]);
  sheet.columns = Object.entries(columns).map(([key, header]) => ({ key, header }));
  for (const row of rows) sheet.addRow(row);
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await workbook.csv.write(out, {});
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ...chunks]);
}
