import { Prisma } from '@prisma/client';

/** A table's columns by Prisma's field names: [column, field] pairs. */
export type ColumnNames = readonly (readonly [string, string])[];

/**
 * The select list that names `columns` as Prisma does (`alias.column AS "prefix field"`): raw statements that return it
 * give the rows Prisma's client would (docs/adr/0068). A prefix marks a joined table's columns for `nestPrefixed`.
 */
export function columnsAs(columns: ColumnNames, alias: string | null, prefix = ''): Prisma.Sql {
  return Prisma.raw(columns.map(([column, field]) => `${alias ? `${alias}.` : ''}${column} AS "${prefix}${field}"`).join(', '));
}

/** A joined row split as Prisma's `include` gives it: the fields without `prefix`, and those with it under `key`. */
export function nestPrefixed<T, K extends string, N>(row: Record<string, unknown>, prefix: string, key: K): T & Record<K, N> {
  const own: Record<string, unknown> = {};
  const nested: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (field.startsWith(prefix)) nested[field.slice(prefix.length)] = value;
    else own[field] = value;
  }
  return { ...own, [key]: nested } as T & Record<K, N>;
}
