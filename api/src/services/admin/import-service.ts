import {
  inScope, labels, makePersonInputSchema, makeUnitInputSchema, ROLES, subtreeOf, UNIT_KINDS, UNIT_LEVELS, unitIdFor, userIdFor, type AdminScope, type Locale,
} from '@kuaibao/domain';
import type { AdminAuditEntry, OrgAdminRepository, OrgAdminTx, PersonRow, UnitData } from '@kuaibao/db';
import type { UserTask, WorkflowEngine } from '@kuaibao/engine';
import { hashPassword } from '../../auth/password';
import { bilingual, textIn } from '../../errors/app-error';
import { changedFields, requireScope, toDomainUnit, treeProblems, unitView, type Actor } from './admin-context';
import { groupsOf, personView } from './people-admin-service';
import { PERSON_COLUMNS, readSheets, UNIT_COLUMNS, type Sheets, type TableName } from './jurisdiction-sheet';

export type RowOutcome = 'create' | 'update' | 'unchanged' | 'error';

/** One row's outcome in the dry run (and the apply): what would happen, or every error with its column. */
export interface RowResult {
  table: TableName;
  row: number;
  key: string;
  outcome: RowOutcome;
  errors: { column: string | null; message: string }[];
}

export interface ImportPlan {
  ok: boolean;
  applied: boolean;
  summary: Record<TableName, Record<Exclude<RowOutcome, 'error'> | 'error', number>>;
  /** Problems of the files themselves (type, columns, size) and of the request (the initial password). */
  problems: { table: TableName | null; row: number | null; column: string | null; message: string }[];
  rows: RowResult[];
}

export interface ImportRequest {
  files: { name: string; content: string }[];
  dryRun: boolean;
  /** The first password of every person the import creates (they must change it at their first login). */
  initialPassword?: string | undefined;
}

/** Domain field of a unit → its column, for the tree rules' problems. */
const UNIT_FIELD_COLUMN: Record<string, string> = {
  id: UNIT_COLUMNS.code, code: UNIT_COLUMNS.code, name: UNIT_COLUMNS.name, nameEn: UNIT_COLUMNS.nameEn, kind: UNIT_COLUMNS.kind, level: UNIT_COLUMNS.level,
  divisionCode: UNIT_COLUMNS.divisionCode, parentId: UNIT_COLUMNS.parentCode, superiorDepartmentId: UNIT_COLUMNS.superiorDepartmentCode,
  sameLevelGovernmentId: UNIT_COLUMNS.sameLevelGovernmentCode, dutyOfficeId: UNIT_COLUMNS.dutyOfficeCode, active: UNIT_COLUMNS.active,
};
const PERSON_FIELD_COLUMN: Record<string, string> = {
  username: PERSON_COLUMNS.username, displayName: PERSON_COLUMNS.displayName, unitId: PERSON_COLUMNS.unitCode, roles: PERSON_COLUMNS.roles, phone: PERSON_COLUMNS.phone, active: PERSON_COLUMNS.active,
};

/**
 * Import of a whole jurisdiction (docs/adr/0028): the dry run reads the files and checks every row against the rules of
 * the admin pages (the same zod schemas, the same whole-tree check) and answers every row's outcome; the apply does the
 * same under the org-admin lock and writes everything in one transaction, or nothing when any row has an error.
 * Units and people are matched by unit code and username: new ones are created, known ones updated, others left alone.
 */
export async function importJurisdiction(deps: { orgAdmin: OrgAdminRepository; engine: Pick<WorkflowEngine, 'searchUserTasks'> }, actor: Actor, request: ImportRequest): Promise<ImportPlan> {
  const sheets: Sheets = { units: [], people: [], problems: [] };
  for (const file of request.files) await readSheets(file.name, Buffer.from(file.content, 'base64'), sheets);
  const passwordHash = !request.dryRun && request.initialPassword ? await hashPassword(request.initialPassword) : '';
  // the last-holder rule of the people page: the open tasks of the groups the file would leave with nobody, read before
  // the locked pass (on PGlite the engine's reads share its one connection); a task created in between is not seen
  const emptied = await deps.orgAdmin.locked(async (tx) => {
    const [units, people] = await Promise.all([tx.units(), tx.people()]);
    return [...new Set([...groupsLost(people, planImport(actor, units, people, sheets, request).personPlans).values()].flat())];
  });
  const waiting = emptied.length > 0 ? await deps.engine.searchUserTasks({ state: 'created', candidateGroups: emptied, limit: 1000 }) : [];
  return deps.orgAdmin.locked(async (tx) => {
    const [units, people] = await Promise.all([tx.units(), tx.people()]);
    const plan = planImport(actor, units, people, sheets, request, waiting);
    if (request.dryRun || !plan.result.ok) return plan.result;
    await applyPlan(tx, actor, plan, passwordHash);
    return { ...plan.result, applied: true };
  });
}

type PersonPlan = { result: RowResult; next: PersonRow; existing: PersonRow | undefined };

/** Per changed person, the candidate groups they hold today that nobody would hold after the import. */
function groupsLost(people: readonly PersonRow[], personPlans: readonly PersonPlan[]): Map<string, string[]> {
  const after = new Map(people.map((p) => [p.id, p]));
  for (const { next } of personPlans) after.set(next.id, next);
  const held = new Set([...after.values()].flatMap(groupsOf));
  const lost = new Map<string, string[]>();
  for (const { existing } of personPlans) {
    const gone = existing ? groupsOf(existing).filter((g) => !held.has(g)) : [];
    if (gone.length > 0) lost.set(existing!.id, gone);
  }
  return lost;
}

type Planned = ReturnType<typeof planImport>;

function planImport(actor: Actor, units: UnitData[], people: PersonRow[], sheets: Sheets, request: ImportRequest, waiting: readonly UserTask[] = []) {
  const { locale, user } = actor;
  const scope = requireScope(units, user);
  const rows: RowResult[] = [];
  const problems = sheets.problems.map((p) => ({ ...p, message: textIn(locale, p.message) }));
  const text = (zh: string, en: string) => textIn(locale, bilingual(zh, en));

  // units: codes to ids (known ones keep their id), then each row through the admin pages' schema
  const idOfCode = new Map(units.map((u) => [u.code, u.id]));
  const fileCodes = new Map<string, number>();
  for (const { row, values } of sheets.units) {
    if (!idOfCode.has(values.code)) idOfCode.set(values.code, unitIdFor(values.code));
    if (fileCodes.has(values.code)) continue;
    fileCodes.set(values.code, row);
  }
  const unitSchema = makeUnitInputSchema(locale);
  const proposedById = new Map(units.map((u) => [u.id, u]));
  const unitRows = new Map<string, RowResult>();
  const before = new Map(units.map((u) => [u.id, u]));
  for (const { row, values, cellErrors } of sheets.units) {
    const result: RowResult = { table: 'units', row, key: values.code, outcome: 'unchanged', errors: cellErrors.map((e) => ({ column: e.column, message: textIn(locale, e.message) })) };
    rows.push(result);
    const error = (column: string | null, message: string) => result.errors.push({ column, message });
    if (fileCodes.get(values.code) !== row) error(UNIT_COLUMNS.code, text(`单位编码 ${values.code} 在第 ${fileCodes.get(values.code)} 行已出现`, `The unit code ${values.code} already appears in row ${fileCodes.get(values.code)}`));
    const reference = (code: string, column: string) => {
      if (code === '') return null;
      const id = idOfCode.get(code);
      if (!id) error(column, text(`${column}“${code}”既不在系统中也不在文件中`, `${column} ${code} is neither in the system nor in the file`));
      return id ?? null;
    };
    const input = {
      code: values.code, name: values.name, nameEn: values.nameEn || null, kind: optionOf(values.kind, UNIT_KINDS, 'unitKind'), level: optionOf(values.level, UNIT_LEVELS, 'unitLevel'),
      divisionCode: values.divisionCode, parentId: reference(values.parentCode, UNIT_COLUMNS.parentCode),
      superiorDepartmentId: reference(values.superiorDepartmentCode, UNIT_COLUMNS.superiorDepartmentCode),
      sameLevelGovernmentId: reference(values.sameLevelGovernmentCode, UNIT_COLUMNS.sameLevelGovernmentCode), dutyOfficeId: reference(values.dutyOfficeCode, UNIT_COLUMNS.dutyOfficeCode),
    };
    const active = flagOf(values.active);
    if (active === undefined) error(UNIT_COLUMNS.active, text(`“${UNIT_COLUMNS.active}”应为 是 或 否`, `${UNIT_COLUMNS.active} must be 是 (yes) or 否 (no)`));
    const parsed = unitSchema.safeParse(input);
    if (!parsed.success) for (const issue of parsed.error.issues) error(UNIT_FIELD_COLUMN[String(issue.path[0])] ?? null, issue.message);
    if (result.errors.length > 0) continue;
    const id = idOfCode.get(values.code)!;
    const existing = before.get(id);
    const data = parsed.data!;
    const next: UnitData = {
      id, code: data.code, name: data.name, nameEn: data.nameEn ?? null, kind: data.kind, level: data.level, divisionCode: data.divisionCode, parentId: data.parentId ?? null,
      superiorDepartmentId: data.superiorDepartmentId ?? null, sameLevelGovernmentId: data.sameLevelGovernmentId ?? null, dutyOfficeId: data.dutyOfficeId ?? null, active: active ?? true,
    };
    result.outcome = !existing ? 'create' : Object.keys(changedFields(unitView(existing), unitView(next)).after).length > 0 ? 'update' : 'unchanged';
    proposedById.set(id, next);
    unitRows.set(id, result);
  }

  // the whole proposed tree: the tree rules, and the scope (every unit of the file must lie in what the caller manages)
  const proposed = [...proposedById.values()];
  const changed = new Set([...unitRows.entries()].filter(([, r]) => r.outcome !== 'unchanged').map(([id]) => id));
  for (const p of treeProblems(units, proposed, changed, locale)) {
    const target = (p.unitId && unitRows.get(p.unitId)) || unitRows.values().next().value;
    if (target) target.errors.push({ column: UNIT_FIELD_COLUMN[p.field.split('.')[0]!] ?? null, message: textIn(locale, p.message) });
    else problems.push({ table: 'units', row: null, column: null, message: textIn(locale, p.message) });
  }
  const managed = scopeOver(scope, proposed);
  for (const [id, result] of unitRows) {
    if (!managed(id)) result.errors.push({ column: UNIT_COLUMNS.parentCode, message: text('该单位不在您的管理范围内', 'This unit is outside what you manage') });
  }

  // people: matched by username; their unit by code, in the proposed tree
  const personSchema = makePersonInputSchema(locale);
  const byUsername = new Map(people.map((p) => [p.username, p]));
  const fileUsernames = new Map<string, number>();
  const personPlans: PersonPlan[] = [];
  for (const { row, values, cellErrors } of sheets.people) {
    const result: RowResult = { table: 'people', row, key: values.username, outcome: 'unchanged', errors: cellErrors.map((e) => ({ column: e.column, message: textIn(locale, e.message) })) };
    rows.push(result);
    const error = (column: string | null, message: string) => result.errors.push({ column, message });
    if (fileUsernames.has(values.username)) error(PERSON_COLUMNS.username, text(`用户名 ${values.username} 在第 ${fileUsernames.get(values.username)} 行已出现`, `The username ${values.username} already appears in row ${fileUsernames.get(values.username)}`));
    else fileUsernames.set(values.username, row);
    const unitId = idOfCode.get(values.unitCode);
    if (values.unitCode && !unitId) error(PERSON_COLUMNS.unitCode, text(`单位编码“${values.unitCode}”既不在系统中也不在文件中`, `The unit code ${values.unitCode} is neither in the system nor in the file`));
    const roles = values.roles.split(/[,，、;；\s]+/).filter(Boolean).map((r) => optionOf(r, ROLES, 'role'));
    const parsed = personSchema.safeParse({ username: values.username, displayName: values.displayName, unitId: unitId ?? values.unitCode, roles, phone: values.phone || null });
    if (!parsed.success) for (const issue of parsed.error.issues) error(PERSON_FIELD_COLUMN[String(issue.path[0])] ?? null, issue.message);
    const active = flagOf(values.active);
    if (active === undefined) error(PERSON_COLUMNS.active, text(`“${PERSON_COLUMNS.active}”应为 是 或 否`, `${PERSON_COLUMNS.active} must be 是 (yes) or 否 (no)`));
    const existing = byUsername.get(values.username);
    if (existing && !inScope(scope, existing.unitId)) error(PERSON_COLUMNS.username, text(`用户名 ${values.username} 已被其他单位的人员使用`, `The username ${values.username} belongs to someone outside what you manage`));
    if (unitId && !proposedById.has(unitId)) error(PERSON_COLUMNS.unitCode, text(`单位“${values.unitCode}”所在的行有错误`, `The row of unit ${values.unitCode} has errors`));
    else if (unitId && !managed(unitId)) error(PERSON_COLUMNS.unitCode, text('该单位不在您的管理范围内', 'This unit is outside what you manage'));
    const unit = unitId ? proposedById.get(unitId) : undefined;
    if (unit && !unit.active && active !== false) error(PERSON_COLUMNS.unitCode, text(`单位“${unit.name}”已停用`, `${unit.name} is deactivated`));
    if (parsed.success && parsed.data.roles.includes('system_admin') && !user.roles.includes('system_admin') && !existing?.roles.includes('system_admin')) {
      error(PERSON_COLUMNS.roles, text('只有系统管理员可以授予系统管理员角色', 'Only a system administrator may grant that role'));
    }
    if (result.errors.length > 0 || !parsed.success) {
      result.outcome = 'error';
      continue;
    }
    const next: PersonRow = {
      id: existing?.id ?? userIdFor(parsed.data.username), username: parsed.data.username, displayName: parsed.data.displayName, unitId: parsed.data.unitId, roles: parsed.data.roles,
      phone: parsed.data.phone ?? null, active: active ?? true, mustChangePassword: existing?.mustChangePassword ?? true,
    };
    result.outcome = !existing ? 'create' : Object.keys(changedFields(personView(existing), personView(next)).after).length > 0 ? 'update' : 'unchanged';
    personPlans.push({ result, next, existing });
  }
  // a person whose roles, unit or 启用 the file changes stays while open tasks wait on a group only they hold
  for (const [id, groups] of groupsLost(people, personPlans)) {
    const blocked = waiting.filter((t) => t.candidateGroups.some((g) => groups.includes(g)));
    if (blocked.length === 0) continue;
    const { result, next, existing } = personPlans.find((p) => p.next.id === id)!;
    const column = !next.active ? PERSON_COLUMNS.active : next.unitId !== existing!.unitId ? PERSON_COLUMNS.unitCode : PERSON_COLUMNS.roles;
    const list = (en: boolean) => blocked.map((t) => `${t.businessKey ?? t.key}「${t.name ?? t.key}」`).join(en ? ', ' : '、');
    result.errors.push({ column, message: text(
      `${existing!.displayName}是以下待办任务的最后一位办理人，请先为其他人员分配相应角色：${list(false)}`,
      `${existing!.displayName} is the last person who can act on these open tasks; give the role to someone else first: ${list(true)}`,
    ) });
  }
  for (const r of rows) if (r.errors.length > 0) r.outcome = 'error';

  const creates = personPlans.filter((p) => p.result.outcome === 'create').length;
  if (creates > 0 && !request.initialPassword) {
    problems.push({ table: 'people', row: null, column: null, message: text(`将新建 ${creates} 名人员：请设置初始密码（首次登录须修改）`, `${creates} people will be created: set their initial password (to be changed at first login)`) });
  }
  if (sheets.units.length + sheets.people.length === 0 && problems.length === 0) {
    problems.push({ table: null, row: null, column: null, message: text('文件中没有任何数据行', 'The files hold no rows') });
  }
  const count = (table: TableName) => Object.fromEntries((['create', 'update', 'unchanged', 'error'] as const).map((o) => [o, rows.filter((r) => r.table === table && r.outcome === o).length]));
  const result: ImportPlan = {
    ok: problems.length === 0 && rows.every((r) => r.outcome !== 'error'),
    applied: false,
    summary: { units: count('units'), people: count('people') } as ImportPlan['summary'],
    problems,
    rows: rows.sort((a, b) => (a.table === b.table ? a.row - b.row : a.table === 'units' ? -1 : 1)),
  };
  return { result, units, unitRows, proposedById, personPlans };
}

async function applyPlan(tx: OrgAdminTx, actor: Actor, plan: Planned, passwordHash: string) {
  const audit: AdminAuditEntry[] = [];
  const actorName = `${actor.user.displayName}（${actor.user.username}）`;
  const before = new Map(plan.units.map((u) => [u.id, u]));
  const depth = (unit: UnitData): number => (unit.parentId && plan.proposedById.has(unit.parentId) && unit.parentId !== unit.id ? 1 + depth(plan.proposedById.get(unit.parentId)!) : 0);
  const creates: UnitData[] = [];
  for (const [id, result] of plan.unitRows) {
    const next = plan.proposedById.get(id)!;
    const entry = { actorId: actor.user.id, actorName, entityType: 'org_unit' as const, entityId: id, unitId: id, divisionCode: next.divisionCode, ip: actor.ip };
    if (result.outcome === 'create') {
      creates.push(next);
      audit.push({ ...entry, action: 'unit.create', after: unitView(next) });
    } else if (result.outcome === 'update') {
      const { id: _id, ...data } = next;
      const { before: was, after: now } = changedFields(unitView(before.get(id)!), unitView(next));
      await tx.updateUnit(id, data);
      audit.push({ ...entry, action: 'unit.update', before: was, after: now });
    }
  }
  if (creates.length > 0) await tx.createUnits(creates.sort((a, b) => depth(a) - depth(b)));

  const newPeople: PersonRow[] = [];
  const ended: string[] = [];
  for (const { result, next, existing } of plan.personPlans) {
    const entry = { actorId: actor.user.id, actorName, entityType: 'app_user' as const, entityId: next.id, unitId: next.unitId, divisionCode: plan.proposedById.get(next.unitId)?.divisionCode ?? null, ip: actor.ip };
    if (result.outcome === 'create') {
      newPeople.push(next);
      audit.push({ ...entry, action: 'user.create', after: personView(next) });
    } else if (result.outcome === 'update' && existing) {
      const { before: was, after: now } = changedFields(personView(existing), personView(next));
      await tx.updatePerson(next.id, { displayName: next.displayName, unitId: next.unitId, roles: next.roles, phone: next.phone, active: next.active });
      if (existing.active && !next.active) ended.push(next.id);
      audit.push({ ...entry, action: 'user.update', before: was, after: now });
    }
  }
  if (newPeople.length > 0) await tx.createPeople(newPeople, passwordHash);
  if (ended.length > 0) await tx.endSessions(ended);
  const { summary } = plan.result;
  audit.push({ actorId: actor.user.id, actorName, action: 'import.apply', entityType: 'import', entityId: new Date().toISOString(), ip: actor.ip, after: summary, divisionCode: null });
  await tx.audit(audit);
}

/** Whether a unit lies in what the caller manages, read on the proposed tree (a new unit below one of theirs is theirs). */
function scopeOver(scope: Exclude<AdminScope, null>, proposed: UnitData[]): (id: string) => boolean {
  if (scope.all) return () => true;
  const managed = subtreeOf(proposed.map(toDomainUnit), scope.rootId);
  return (id) => managed.has(id);
}

/** A value given as its key (department) or its label in either language (部门, Department). */
function optionOf<T extends string>(value: string, options: readonly T[], table: 'unitKind' | 'unitLevel' | 'role'): string {
  const v = value.trim();
  if ((options as readonly string[]).includes(v)) return v;
  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    const found = options.find((o) => (labels[locale][table] as Record<string, string>)[o]?.toLowerCase() === v.toLowerCase());
    if (found) return found;
  }
  return v;
}

/** 是/否 (or yes/no, true/false, 1/0); empty is 是; anything else undefined. */
function flagOf(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (['', '是', 'yes', 'y', 'true', '1', '启用'].includes(v)) return true;
  if (['否', 'no', 'n', 'false', '0', '停用'].includes(v)) return false;
  return undefined;
}

