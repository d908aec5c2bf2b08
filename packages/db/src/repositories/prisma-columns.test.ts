import { Prisma } from '@prisma/client';
import { describe, expect, it } from 'vitest';
import { CLOCK_FIELDS } from './clocks';
import { INCIDENT_FIELDS, REPORT_FIELDS } from './incidents';
import { ORG_UNIT_FIELDS } from './org-units';
import type { ColumnNames } from './prisma-columns';
import { APP_USER_FIELDS } from './users';

/** Every scalar field of a Prisma model with its column: what a raw statement must select to give the model's row. */
const modelColumns = (model: string) => {
  const found = Prisma.dmmf.datamodel.models.find((m) => m.name === model);
  if (!found) throw new Error(`no model ${model}`);
  return found.fields.filter((f) => f.kind !== 'object').map((f) => [f.dbName ?? f.name, f.name] as const);
};

describe('raw statements name their columns as Prisma does', () => {
  // A column added to one of these tables must be selected by the raw statements too, or their rows silently lack it.
  it.each<[string, ColumnNames]>([
    ['AppUser', APP_USER_FIELDS],
    ['OrgUnit', ORG_UNIT_FIELDS],
    ['ReportClock', CLOCK_FIELDS],
    ['Incident', INCIDENT_FIELDS],
    ['IncidentReport', REPORT_FIELDS],
  ])('%s: every scalar field, under its column', (model, fields) => {
    expect([...fields].map(([column, field]) => `${column}→${field}`).sort()).toEqual(modelColumns(model).map(([column, field]) => `${column}→${field}`).sort());
  });
});
