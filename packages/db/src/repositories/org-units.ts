import type { OrgUnit, PrismaClient } from '@prisma/client';
import { preparedClient } from '../prepared-client';
import { columnsAs, type ColumnNames } from './prisma-columns';

export type OrgUnitRow = OrgUnit;

export const ORG_UNIT_FIELDS: ColumnNames = [
  ['id', 'id'], ['code', 'code'], ['name', 'name'], ['name_en', 'nameEn'], ['kind', 'kind'], ['level', 'level'], ['parent_id', 'parentId'],
  ['superior_department_id', 'superiorDepartmentId'], ['same_level_government_id', 'sameLevelGovernmentId'], ['division_code', 'divisionCode'],
  ['duty_office_id', 'dutyOfficeId'], ['active', 'active'], ['created_at', 'createdAt'],
];

/** org_unit's columns as Prisma names them (`alias` the table's): the rows a statement returns are OrgUnitRows. */
export const orgUnitColumns = (alias: string, prefix = '') => columnsAs(ORG_UNIT_FIELDS, alias, prefix);

/**
 * The org tree, read on every submit and by the flow's steps (recipients, tenants): marked statements, prepared on the
 * driver (through Prisma's ORM a one-row read cost ~2.4 ms of CPU, prepared ~0.3 ms; docs/adr/0068).
 */
export function createOrgUnitRepository(prisma: PrismaClient) {
  const raw = preparedClient(prisma);
  return {
    /** The whole tree: small (hundreds of units per city), read at once and cached by callers. */
    all: () => raw.$queryRaw<OrgUnitRow[]>`/* prepared */ SELECT ${orgUnitColumns('u')} FROM org_unit u ORDER BY u.code`,
    get: async (id: string): Promise<OrgUnitRow | null> =>
      (await raw.$queryRaw<OrgUnitRow[]>`/* prepared */ SELECT ${orgUnitColumns('u')} FROM org_unit u WHERE u.id = ${id}`)[0] ?? null,
  };
}

export type OrgUnitRepository = ReturnType<typeof createOrgUnitRepository>;
