import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../client';
import { createPGliteDriver } from '../driver';
import { MIGRATIONS_DIR, migrate, readMigrations } from '../migrate';
import { createTestDatabase } from '../test-database';
import { createInboxRepository, type InboxFilter } from './inbox';
import { createIncidentRepository } from './incidents';
import { createReferenceInbox } from '../test-support/inbox-reference';

/**
 * The inbox reads a read model written by triggers (docs/adr/0014). Whatever the engine and the API do
 * to tasks, reports and incidents, it must answer what the query it replaced answers (the reference:
 * open tasks joined with their report and incident) — every page, total and tab count, for every filter.
 */
const NOW = new Date('2026-12-01T08:00:00.000Z');
const USERS = { ann: ['unit:a:duty_officer'], bob: ['unit:b:verifier'], cat: ['unit:c:leader'], dan: ['unit:a:duty_officer', 'unit:b:verifier'] } as const;
type Username = keyof typeof USERS;

describe('the inbox read model', () => {
  let db: Database;
  const q = (sql: string, params: unknown[] = []) => db.driver.query(sql, params);

  beforeAll(async () => {
    db = await createTestDatabase();
    await loadTasks(db);
  });
  afterAll(() => db.close());

  const expectSameAsReference = async (label: string) => {
    await expectViewersOfReadModel(db, label);
    const inbox = createInboxRepository(db.driver);
    const reference = createReferenceInbox(db.prisma);
    for (const username of Object.keys(USERS) as Username[]) {
      for (const filter of filtersOf(username)) {
        const { view: _view, offset: _offset, limit: _limit, sort: _sort, overdue: _overdue, ...base } = filter;
        const [page, counts] = await Promise.all([reference.list(filter), reference.counts(base)]);
        const context = `${label}: ${JSON.stringify(filter)}`;
        expect(await inbox.list(filter), context).toEqual(page);
        expect(await inbox.listWithCounts(filter), context).toEqual({ ...page, counts });
        expect(await inbox.counts(base), context).toEqual(counts);
      }
    }
  };
  const countsOf = (username: Username) => createInboxRepository(db.driver).counts({ groups: [...USERS[username]], username, now: NOW });

  it('lists and counts what the joined query does, for every view, filter, order and page', async () => {
    // given the tasks of loadTasks
    // then
    await expectSameAsReference('as loaded');
    expect(await countsOf('ann')).toEqual({ mine: 4, group: 16, all: 22, overdue: 7 });
    expect(await countsOf('bob')).toEqual({ mine: 2, group: 16, all: 20, overdue: 5 });
    expect(await countsOf('cat')).toEqual({ mine: 0, group: 0, all: 0, overdue: 0 });
    expect(await countsOf('dan')).toEqual({ mine: 0, group: 23, all: 29, overdue: 10 });
  });

  it('never lists a task of an instance without a report, and lists it once its report is linked', async () => {
    // given instance 8 has no report, instance 7's report is not linked yet
    const inbox = createInboxRepository(db.driver);
    const all = await inbox.list({ groups: [...USERS.ann, ...USERS.bob], username: 'ann', now: NOW, offset: 0, limit: 500 });
    expect(all.items.map((row) => row.instanceKey)).not.toContain('8');
    expect(all.items.map((row) => row.instanceKey)).not.toContain('7');
    const before = await countsOf('ann');

    // when the API links the report of instance 7 (after the engine created its first tasks)
    await q(`UPDATE incident_report SET instance_key = '7', status = 'verifying' WHERE id = 'r7'`);

    // then its open tasks are in the inbox
    const after = await countsOf('ann');
    expect(after.all - before.all).toBe(3);
    await expectSameAsReference('report linked');
  });

  it('follows claims, releases, completions and new tasks of an engine step', async () => {
    // when a task is claimed, another released, one completed, one canceled and a step inserts two at once
    await q(`UPDATE engine_user_task SET assignee = 'ann' WHERE key = 3`);
    await q(`UPDATE engine_user_task SET assignee = NULL WHERE key = 21`);
    await q(`UPDATE engine_user_task SET state = 'completed', completed_at = now() WHERE key = 6`);
    await q(`UPDATE engine_user_task SET state = 'canceled' WHERE key = 10`);
    await q(
      `INSERT INTO engine_user_task (key, instance_key, element_id, element_instance, name, state, candidate_groups, candidate_users, due_date, custom_headers, variables, created_at)
       VALUES (101, 1, 'sign_off', 'e-101', '审签', 'created', $1, '{}', $2, '{"kind":"sign_off"}', '{}', $3),
              (102, 2, 'sign_off', 'e-102', '审签', 'created', $1, '{ann}', NULL, '{"kind":"sign_off"}', '{}', $3)
       ON CONFLICT DO NOTHING`,
      [USERS.ann, new Date(NOW.getTime() - 60_000), new Date(NOW.getTime() - 30_000)],
    );

    // then
    const open = await q('SELECT task_key::int AS key, assignee FROM inbox_task WHERE task_key IN (3, 6, 10, 21, 101, 102) ORDER BY task_key');
    expect(open).toEqual([{ key: 3, assignee: 'ann' }, { key: 21, assignee: null }, { key: 101, assignee: null }, { key: 102, assignee: null }]);
    await expectSameAsReference('claims and completions');
  });

  it('filters by the incident as it stands when it is regraded, moved or renumbered', async () => {
    // when a 续报 regrades incident 1 and incident 2 moves to another unit and category
    await q(`UPDATE incident SET severity = 'I' WHERE number = 'N1'`);
    await q(`UPDATE incident SET reporting_unit_id = 'u9', category = 'public_health' WHERE number = 'N2'`);
    await q(`UPDATE incident SET number = 'N3-renumbered' WHERE number = 'N3'`);

    // then
    const regraded = await createInboxRepository(db.driver).list({ groups: [...USERS.ann], username: 'ann', now: NOW, severity: 'I', offset: 0, limit: 500 });
    expect(regraded.items.some((row) => row.incidentNumber === 'N1')).toBe(true);
    // the read model's own rows follow the renumbering (through the report's ON UPDATE CASCADE and its trigger)
    const numbers = await q(`SELECT DISTINCT incident_number AS n FROM inbox_task WHERE incident_number LIKE 'N3%'`);
    expect(numbers).toEqual([{ n: 'N3-renumbered' }]);
    await expectSameAsReference('incidents changed');
  });

  it('forgets the tasks of a deleted instance', async () => {
    // when
    await q('DELETE FROM engine_instance WHERE key = 2');

    // then
    expect(await q('SELECT 1 FROM inbox_task WHERE instance_key = 2')).toEqual([]);
    await expectSameAsReference('instance deleted');
  });
});

describe('the inbox_task migration', () => {
  it('fills the read model from the open tasks already in the database', async () => {
    // given a database at the migration before, with tasks, reports and incidents
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kuaibao-inbox-migration-'));
    const before = mkdtempSync(path.join(tmpdir(), 'kuaibao-migrations-'));
    const migrations = await readMigrations();
    const inboxTask = migrations.find((m) => m.name.endsWith('_inbox_task'))!;
    for (const m of migrations.filter((m) => m.name < inboxTask.name)) cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(before, m.name), { recursive: true });
    const old = new PGlite(dataDir);
    const driver = createPGliteDriver(old);
    await migrate(driver, before);
    await loadTasks({ driver } as Database);
    await driver.close();

    // when the new migration applies at start
    const db = await openDatabase({ kind: 'pglite', dataDir });
    try {
      // then
      const reference = createReferenceInbox(db.prisma);
      const inbox = createInboxRepository(db.driver);
      for (const username of Object.keys(USERS) as Username[]) {
        for (const filter of filtersOf(username)) expect(await inbox.list(filter), JSON.stringify(filter)).toEqual(await reference.list(filter));
      }
      const joined = await db.driver.query(
        `SELECT t.key FROM engine_user_task t JOIN incident_report r ON r.instance_key = t.instance_key::text WHERE t.state = 'created'`,
      );
      expect(await db.driver.query('SELECT task_key FROM inbox_task')).toHaveLength(joined.length);
      expect(joined.length).toBeGreaterThan(20);
      await expectViewersOfReadModel(db, 'backfilled');
      const [viewers] = await db.driver.query<{ n: number }>('SELECT count(*)::int AS n FROM inbox_task_viewer');
      expect(viewers?.n).toBeGreaterThan(joined.length);
    } finally {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(before, { recursive: true, force: true });
    }
  });
});

function filtersOf(username: Username): InboxFilter[] {
  const base = { groups: [...USERS[username]], username, now: NOW, offset: 0, limit: 50 };
  return [
    base,
    { ...base, view: 'mine' },
    { ...base, view: 'group' },
    { ...base, view: 'all', sort: 'created' },
    { ...base, view: 'group', sort: 'created', offset: 3, limit: 4 },
    { ...base, kind: 'verify' },
    { ...base, kind: 'sign_off', view: 'group' },
    { ...base, severity: 'II' },
    { ...base, severity: 'I', overdue: true },
    { ...base, category: 'natural_disaster' },
    { ...base, reportingUnitId: 'u2' },
    { ...base, reportingUnitId: 'u9', sort: 'created' },
    { ...base, overdue: true },
    { ...base, overdue: false, view: 'mine' },
    { ...base, overdue: false, sort: 'created', offset: 2, limit: 3 },
    { ...base, offset: 5, limit: 5 },
    { ...base, offset: 400, limit: 5 },
    { ...base, groups: [] },
  ];
}

/**
 * Tasks as the engine and the API leave them: 8 instances; reports for instances 1–6 and 7 (not linked yet),
 * none for 8; 48 tasks over three units' groups, some with a candidate user or an assignee, some overdue,
 * some without a due date, nine completed; report 1 has both clocks falling due with one of its tasks.
 */
/** The engine's keys run to 19 digits (a bigint): a report linked late to such an instance still brings its tasks in. */
describe('the inbox read model with an engine key of 19 digits', () => {
  it('lists the open tasks of the instance once its report is linked', async () => {
    // given an instance with a 19-digit key and an open task, its report not linked yet
    const db = await createTestDatabase();
    const q = (sql: string, params: unknown[] = []) => db.driver.query(sql, params);
    const key = '9007199254740993123';
    try {
      await q(`INSERT INTO engine_definition (key, bpmn_process_id, version, resource_name, checksum, tenant_id, source) VALUES (1, 'p', 1, 'p.bpmn', 'x', '<default>', '')`);
      await q(`INSERT INTO engine_instance (key, definition_key, bpmn_process_id, version, tenant_id, business_key, state, engine_state, variables, active_elements)
               VALUES ($1::bigint, 1, 'p', 1, '<default>', 'N19', 'active', '{}', '{}', '[]')`, [key]);
      await q(`INSERT INTO incident (number, title, category, severity, reporting_unit_id, status, occurred_at, learned_at) VALUES ('N19', '事件', 'public_health', 'III', 'u1', 'open', $1, $1)`, [NOW]);
      await q(`INSERT INTO incident_report (id, incident_number, kind, sequence, status, content, created_by_id) VALUES ('r19', 'N19', 'first', 0, 'verifying', '{}', 'someone')`);
      await q(`INSERT INTO engine_user_task (key, instance_key, element_id, element_instance, name, state, candidate_groups, candidate_users, custom_headers, variables, created_at)
               VALUES (5001, $1::bigint, 'verify', 'e-5001', '核实', 'created', ARRAY['unit:b:verifier'], '{}', '{"kind":"verify"}', '{}', $2)`, [key, NOW]);
      expect(await q('SELECT task_key FROM inbox_task')).toEqual([]);

      // when the API links the report
      await q(`UPDATE incident_report SET instance_key = $1 WHERE id = 'r19'`, [key]);

      // then the task is in the inbox, with its report
      expect(await q('SELECT task_key::text AS task, instance_key::text AS instance, report_id FROM inbox_task')).toEqual([{ task: '5001', instance: key, report_id: 'r19' }]);
    } finally {
      await db.close();
    }
  });
});

async function loadTasks(db: Pick<Database, 'driver'>) {
  const q = (sql: string, params: unknown[] = []) => db.driver.query(sql, params);
  await q(`INSERT INTO engine_definition (key, bpmn_process_id, version, resource_name, checksum, tenant_id, source) VALUES (1, 'p', 1, 'p.bpmn', 'x', '<default>', '')`);
  await q(
    `INSERT INTO engine_instance (key, definition_key, bpmn_process_id, version, tenant_id, business_key, state, engine_state, variables, active_elements)
     SELECT g, 1, 'p', 1, '<default>', 'N' || g, 'active', '{}', '{}', '[]' FROM generate_series(1, 8) g`,
  );
  await q(
    `INSERT INTO incident (number, title, category, severity, reporting_unit_id, status, occurred_at, learned_at)
     SELECT 'N' || g, '事件 ' || g, (ARRAY['natural_disaster','accident_disaster','public_health'])[1 + g % 3], (ARRAY['I','II','III','IV'])[1 + g % 4],
            'u' || (1 + g % 2), 'open', $1, $1
     FROM generate_series(1, 8) g`,
    [NOW],
  );
  await q(
    `INSERT INTO incident_report (id, incident_number, kind, sequence, status, content, created_by_id, instance_key)
     SELECT 'r' || g, 'N' || g, CASE WHEN g = 5 THEN 'follow_up' ELSE 'first' END, 0, 'verifying', '{}', 'someone', CASE WHEN g <= 6 THEN g::text END
     FROM generate_series(1, 7) g`,
  );
  await q(
    `INSERT INTO engine_user_task (key, instance_key, element_id, element_instance, name, state, assignee, candidate_groups, candidate_users,
                                   due_date, custom_headers, variables, created_at, completed_at)
     SELECT k, 1 + k % 8, 'step', 'e-' || k, '步骤 ' || k, CASE WHEN k % 5 = 4 THEN 'completed' ELSE 'created' END,
            CASE WHEN k % 7 = 0 THEN 'ann' WHEN k % 11 = 0 THEN 'bob' END,
            CASE k % 3 WHEN 0 THEN ARRAY['unit:a:duty_officer'] WHEN 1 THEN ARRAY['unit:b:verifier'] ELSE ARRAY['unit:a:duty_officer', 'unit:b:verifier'] END,
            CASE WHEN k % 10 = 5 THEN ARRAY['ann'] ELSE '{}' END,
            CASE WHEN k % 4 = 0 THEN NULL ELSE $1::timestamptz + (k % 9 - 4) * interval '1 hour' END,
            jsonb_build_object('kind', (ARRAY['verify','sign_off','receive_city'])[1 + k % 3]),
            '{}', $1::timestamptz - (k / 3) * interval '1 minute', CASE WHEN k % 5 = 4 THEN $1::timestamptz END
     FROM generate_series(1, 48) k`,
    [NOW],
  );
  // the clocks of report 1: both fall due with task 1 (written is the one behind it), and another instant
  await q(
    `INSERT INTO report_clock (report_id, channel, incident_number, due_at, started_at, origin, within, immediate, rule, policy_code, policy_version, status)
     SELECT 'r1', c, 'N1', due_date, $1, 'learned', 'PT1H', false, 'rule-' || c, 'default', 1, 'open' FROM engine_user_task, unnest(ARRAY['phone','written']) c WHERE key = 1`,
    [NOW],
  );
}

/**
 * `inbox_task_viewer` holds exactly the viewer rows of `inbox_task`'s rows (docs/adr/0016), whatever
 * changed them: a row its triggers missed (or left behind) shows here even when no filter of the
 * comparison with the reference would catch it.
 */
async function expectViewersOfReadModel(db: Pick<Database, 'driver'>, label: string) {
  const expected = 'SELECT r.* FROM inbox_task x CROSS JOIN LATERAL inbox_task_viewer_rows(x) r';
  const stale = await db.driver.query(`SELECT * FROM inbox_task_viewer EXCEPT ALL ${expected}`);
  const missing = await db.driver.query(`${expected} EXCEPT ALL SELECT * FROM inbox_task_viewer`);
  expect({ stale, missing }, label).toEqual({ stale: [], missing: [] });
}

describe('the inbox read model while a report is linked to its workflow', () => {
  it('lists the task an engine step creates at the same moment as the link', async () => {
    // given a started instance and its report, not linked yet
    const db = await createTestDatabase();
    const q = (sql: string, params: unknown[] = []) => db.driver.query(sql, params);
    try {
      await q(`INSERT INTO engine_definition (key, bpmn_process_id, version, resource_name, checksum, tenant_id, source) VALUES (1, 'p', 1, 'p.bpmn', 'x', '<default>', '')`);
      await q(`INSERT INTO engine_instance (key, definition_key, bpmn_process_id, version, tenant_id, business_key, state, engine_state, variables, active_elements)
               VALUES (77, 1, 'p', 1, '<default>', 'N77', 'active', '{}', '{}', '[]')`);
      await q(`INSERT INTO incident (number, title, category, severity, reporting_unit_id, status, occurred_at, learned_at) VALUES ('N77', '事件', 'public_health', 'III', 'u1', 'open', $1, $1)`, [NOW]);
      await q(`INSERT INTO incident_report (id, incident_number, kind, sequence, status, content, created_by_id) VALUES ('r77', 'N77', 'follow_up', 1, 'submitting', '{}', 'someone')`);

      // when an engine step (the instance's row locked, its first user task inserted) is still open while the API links
      // the report; on PostgreSQL these are two connections at once, on PGlite they take turns
      let linking: Promise<void> | undefined;
      await db.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM engine_instance WHERE key = 77 FOR UPDATE`;
        await tx.$executeRaw`INSERT INTO engine_user_task (key, instance_key, element_id, element_instance, name, state, candidate_groups, candidate_users, custom_headers, variables, created_at)
                             VALUES (7001, 77, 'sign-off', 'e-7001', '审签', 'created', ARRAY['unit:c:leader'], '{}', '{"kind":"sign_off"}', '{}', ${NOW})`;
        linking = createIncidentRepository(db.prisma).linkInstance('r77', '77', 'signing');
        await new Promise((resolve) => setTimeout(resolve, 300)); // the link would have committed by now, unordered
      });
      await linking;

      // then the task is in the inbox with its report
      expect(await q('SELECT task_key::text AS task, report_id FROM inbox_task')).toEqual([{ task: '7001', report_id: 'r77' }]);
    } finally {
      await db.close();
    }
  });
});
