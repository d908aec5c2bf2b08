import { Prisma } from '@prisma/client';
import type { RawClient } from './prepared-client';
import type {
  ActivatableJob, DefinitionHeader, ElementIdChange, EngineNodeRecord, InstanceRecord, JobLock, JobRecord, JobWait, LockedInstance, MessageRecord, SavedStep, StepClaim, StepExpectation, NodeProcess, StoredWaits, SubscriptionRecord, SweepQuery, SweepResult, UserTask, UserTaskFilter, Variables, WaitKind, WaitSnapshot,
} from '@kuaibao/engine';
import { StepConflict, WAIT_KINDS } from '@kuaibao/engine';
import { toInstance, toJob, toUserTask, type InstanceRow, type JobRow, type UserTaskRow } from './engine-rows';

/**
 * The statements every engine step runs, in raw SQL (docs/adr/0012): Prisma's query compiler (WASM)
 * cost more CPU than the database did on these. Raw queries still run on the step's transaction.
 * Values come back typed by the driver adapter (bigint as BigInt, jsonb parsed, timestamptz as Date) under
 * the Prisma models' camelCase names, so the same mappers (engine-rows.ts) read both.
 */
export type Client = RawClient;
const json = (value: unknown) => JSON.stringify(value ?? null);
const OPEN_JOB_STATES = ['activatable', 'activated', 'failed'];

/** The open subscriptions to a message name and correlation key, oldest first (a publication reads them, and its step again). */
export async function findSubscriptions(db: Client, q: { tenantId: string; messageName: string; correlationKey: string }): Promise<SubscriptionRecord[]> {
  const rows = await db.$queryRaw<(Omit<SubscriptionRecord, 'key' | 'instanceKey'> & { key: bigint; instanceKey: bigint })[]>`/* prepared */
    SELECT key, instance_key AS "instanceKey", element_id AS "elementId", element_instance AS "elementInstance", message_name AS "messageName",
           correlation_key AS "correlationKey", tenant_id AS "tenantId"
    FROM engine_subscription WHERE tenant_id = ${q.tenantId} AND message_name = ${q.messageName} AND correlation_key = ${q.correlationKey}
    ORDER BY key`;
  return rows.map((r) => ({ ...r, key: String(r.key), instanceKey: String(r.instanceKey) }));
}

/** The deployed definition of a process, without its XML (read at every start): the given version, else the latest. */
export async function findDefinition(db: Client, q: { tenantId: string; bpmnProcessId: string; version?: number }): Promise<DefinitionHeader | null> {
  const [row] = await db.$queryRaw<(Omit<DefinitionHeader, 'key'> & { key: bigint })[]>`/* prepared */
    SELECT key, bpmn_process_id AS "bpmnProcessId", version, resource_name AS "resourceName", checksum, tenant_id AS "tenantId", deployed_at AS "deployedAt"
    FROM engine_definition
    WHERE tenant_id = ${q.tenantId} AND bpmn_process_id = ${q.bpmnProcessId} AND (${q.version ?? null}::int IS NULL OR version = ${q.version ?? null}::int)
    ORDER BY version DESC LIMIT 1`;
  return row ? { ...row, key: String(row.key) } : null;
}

/** A new instance's row (its first step's saveStep then writes its state and waits). */
export async function insertInstance(db: Client, i: InstanceRecord): Promise<void> {
  await db.$executeRaw`/* prepared */
    INSERT INTO engine_instance (key, definition_key, bpmn_process_id, version, tenant_id, business_key, state, engine_state, variables, active_elements,
                                 revision, started_at, updated_at, ended_at)
    VALUES (${BigInt(i.key)}, ${BigInt(i.definitionKey)}, ${i.bpmnProcessId}, ${i.version}::int, ${i.tenantId}, ${i.businessKey}, ${i.state},
            ${json(i.engineState)}::jsonb, ${json(i.variables)}::jsonb, ${json(i.activeElements)}::jsonb, ${i.revision}::int, ${i.startedAt}, ${new Date()}, ${i.endedAt})`;
}

/**
 * Locks and reads the instance; with a claim, also closes the job or user task that the step answers, in the same
 * statement and after the lock (the update waits for the locked row): `claimed` says whether it was still open. The
 * text has only the claim's kind (docs/adr/0073): three prepared statements.
 */
export async function lockInstance(db: Client, key: string, stateUnlessRevision = -1, claim?: StepClaim): Promise<LockedInstance | null> {
  const closed = claim ? closeClaim(claim, Prisma.sql`locked`) : null;
  const [row] = await db.$queryRaw<(InstanceRow & { claimed: boolean })[]>`/* prepared */
    WITH locked AS (
      SELECT key, definition_key AS "definitionKey", bpmn_process_id AS "bpmnProcessId", version, tenant_id AS "tenantId", business_key AS "businessKey",
             state, CASE WHEN revision = ${stateUnlessRevision} THEN NULL ELSE engine_state END AS "engineState", variables, active_elements AS "activeElements",
             started_at AS "startedAt", ended_at AS "endedAt", revision
      FROM engine_instance WHERE key = ${BigInt(key)} FOR UPDATE)
    ${closed ? Prisma.sql`, closed AS (${closed})` : Prisma.empty}
    SELECT locked.*, ${closed ? Prisma.sql`EXISTS (SELECT 1 FROM closed)` : Prisma.sql`false`} AS claimed FROM locked`;
  if (!row) return null;
  return { ...toInstance(row), claimed: row.claimed };
}

/**
 * The statement part that closes a step's claim (the job or user task it answers) once the instance's row is locked by
 * the part `after` (the lock's `locked`, or a write's `instance`): it reads that part, so it runs after it.
 */
function closeClaim(claim: StepClaim, after: Prisma.Sql): Prisma.Sql {
  return 'job' in claim
    ? Prisma.sql`UPDATE engine_job SET state = COALESCE(${claim.patch.state ?? null}, state), error_message = COALESCE(${claim.patch.errorMessage ?? null}, error_message),
        deadline = NULL, updated_at = ${new Date()}
      WHERE key = ${BigInt(claim.job)} AND state = ANY(${[...claim.states]}::text[]) AND EXISTS (SELECT 1 FROM ${after})
      RETURNING 1`
    : Prisma.sql`UPDATE engine_user_task SET state = 'completed', completed_at = ${claim.completedAt}
      WHERE key = ${BigInt(claim.userTask)} AND state = 'created' AND EXISTS (SELECT 1 FROM ${after})
      RETURNING 1`;
}

/**
 * A step's whole write in one statement (docs/adr/0044): the instance's state, variables and revision, the end of the
 * waits it no longer has, and its new waits of every kind, passed as JSON and inserted from `jsonb_to_recordset`: two
 * to six statements before (the update, the end of old waits, an insert per kind of new wait). The parts run on one
 * snapshot and touch disjoint rows (ended waits are of element instances the step no longer has, new ones of element
 * instances it has). Only the parts the step needs are in the text (docs/adr/0073): a kind's end when a wait of that
 * kind ended (all kinds when `stored` is unknown), a kind's insert when it has new waits; each combination is its own
 * prepared statement. Returns the new revision and the jobs it wrote. With `expected` (a step that did not lock the row
 * first, docs/adr/0074) the instance's update locks it, only at the expected revision, and the claim closes after it; if
 * either finds nothing it throws StepConflict, and the caller rolls the transaction back (the other parts ran).
 */
export async function saveStep(
  db: Client,
  i: InstanceRecord,
  all: WaitSnapshot,
  now: Date,
  stored?: StoredWaits,
  lock?: (job: JobWait) => JobLock | null,
  expected?: StepExpectation,
): Promise<SavedStep> {
  const keep = (items: { elementInstance: string }[]) => items.map((item) => item.elementInstance);
  const current = new Set([all.jobs, all.userTasks, all.timers, all.subscriptions].flatMap(keep));
  const ended = new Set<WaitKind>(stored ? [...stored].filter(([elementInstance]) => !current.has(elementInstance)).map(([, kind]) => kind) : WAIT_KINDS);
  const fresh = <T extends { elementInstance: string }>(items: T[]) => (stored ? items.filter((item) => !stored.has(item.elementInstance)) : items);
  const jobs = fresh(all.jobs);
  const news = {
    jobs: jobs.map((j) => {
      const held = lock?.(j);
      return {
        key: j.key, element_id: j.elementId, element_instance: j.elementInstance, type: j.type, retries: j.retries, variables: j.variables, custom_headers: j.customHeaders,
        ...(held && { worker: held.worker, lock_owner: held.owner, deadline: held.deadline }),
      };
    }),
    tasks: fresh(all.userTasks).map((t) => ({
      key: t.key, element_id: t.elementId, element_instance: t.elementInstance, name: t.name, assignee: t.assignee, candidate_groups: t.candidateGroups,
      candidate_users: t.candidateUsers, due_date: t.dueDate, follow_up_date: t.followUpDate, form_key: t.formKey, custom_headers: t.customHeaders, variables: t.variables,
    })),
    timers: fresh(all.timers).map((t) => ({ key: t.key, element_id: t.elementId, element_instance: t.elementInstance, due_at: t.dueAt })),
    subscriptions: fresh(all.subscriptions).map((s) => ({
      key: s.key, element_id: s.elementId, element_instance: s.elementInstance, message_name: s.messageName, correlation_key: s.correlationKey,
    })),
  };
  const instanceKey = BigInt(i.key);
  const parts: Prisma.Sql[] = [
    Prisma.sql`instance AS (
      UPDATE engine_instance SET state = ${i.state}, engine_state = ${json(i.engineState)}::jsonb, variables = ${json(i.variables)}::jsonb,
        active_elements = ${json(i.activeElements)}::jsonb, ended_at = ${i.endedAt}, updated_at = ${new Date()}, revision = revision + 1
      WHERE key = ${instanceKey} ${expected ? Prisma.sql`AND revision = ${expected.revision}::int` : Prisma.empty} RETURNING revision)`,
  ];
  if (expected?.claim) parts.push(Prisma.sql`closed AS (${closeClaim(expected.claim, Prisma.sql`instance`)})`);
  if (ended.has('jobs')) {
    parts.push(Prisma.sql`ended_jobs AS (
      UPDATE engine_job SET state = 'canceled', deadline = NULL, updated_at = ${now}
      WHERE instance_key = ${instanceKey} AND state = ANY(${OPEN_JOB_STATES}::text[]) AND NOT (element_instance = ANY(${keep(all.jobs)}::text[])))`);
  }
  if (ended.has('userTasks')) {
    parts.push(Prisma.sql`ended_tasks AS (
      UPDATE engine_user_task SET state = 'canceled'
      WHERE instance_key = ${instanceKey} AND state = 'created' AND NOT (element_instance = ANY(${keep(all.userTasks)}::text[])))`);
  }
  if (ended.has('timers')) {
    parts.push(Prisma.sql`ended_timers AS (
      DELETE FROM engine_timer WHERE instance_key = ${instanceKey} AND NOT (element_instance = ANY(${keep(all.timers)}::text[])))`);
  }
  if (ended.has('subscriptions')) {
    parts.push(Prisma.sql`ended_subscriptions AS (
      DELETE FROM engine_subscription WHERE instance_key = ${instanceKey} AND NOT (element_instance = ANY(${keep(all.subscriptions)}::text[])))`);
  }
  if (news.jobs.length > 0) {
    parts.push(Prisma.sql`new_jobs AS (
      INSERT INTO engine_job (key, instance_key, element_id, element_instance, type, state, retries, variables, custom_headers, worker, lock_owner, deadline,
                              due_at, created_at, updated_at)
      SELECT j.key::bigint, ${instanceKey}, j.element_id, j.element_instance, j.type, CASE WHEN j.worker IS NULL THEN 'activatable' ELSE 'activated' END,
             j.retries, j.variables, j.custom_headers, j.worker, j.lock_owner, j.deadline, ${now}, ${now}, ${now}
      FROM jsonb_to_recordset(${json(news.jobs)}::jsonb)
        AS j(key text, element_id text, element_instance text, type text, retries int, variables jsonb, custom_headers jsonb, worker text, lock_owner text, deadline timestamptz)
      ON CONFLICT DO NOTHING RETURNING key, worker)`);
  }
  if (news.tasks.length > 0) {
    parts.push(Prisma.sql`new_tasks AS (
      INSERT INTO engine_user_task (key, instance_key, element_id, element_instance, name, state, assignee, candidate_groups, candidate_users,
                                    due_date, follow_up_date, form_key, custom_headers, variables, created_at)
      SELECT t.key::bigint, ${instanceKey}, t.element_id, t.element_instance, t.name, 'created', t.assignee,
             ARRAY(SELECT jsonb_array_elements_text(t.candidate_groups)), ARRAY(SELECT jsonb_array_elements_text(t.candidate_users)),
             t.due_date, t.follow_up_date, t.form_key, t.custom_headers, t.variables, ${now}
      FROM jsonb_to_recordset(${json(news.tasks)}::jsonb)
        AS t(key text, element_id text, element_instance text, name text, assignee text, candidate_groups jsonb, candidate_users jsonb,
             due_date timestamptz, follow_up_date timestamptz, form_key text, custom_headers jsonb, variables jsonb)
      ON CONFLICT DO NOTHING)`);
  }
  if (news.timers.length > 0) {
    parts.push(Prisma.sql`new_timers AS (
      INSERT INTO engine_timer (key, instance_key, element_id, element_instance, due_at)
      SELECT t.key::bigint, ${instanceKey}, t.element_id, t.element_instance, t.due_at
      FROM jsonb_to_recordset(${json(news.timers)}::jsonb) AS t(key text, element_id text, element_instance text, due_at timestamptz)
      ON CONFLICT DO NOTHING)`);
  }
  if (news.subscriptions.length > 0) {
    parts.push(Prisma.sql`new_subscriptions AS (
      INSERT INTO engine_subscription (key, instance_key, element_id, element_instance, message_name, correlation_key, tenant_id)
      SELECT s.key::bigint, ${instanceKey}, s.element_id, s.element_instance, s.message_name, s.correlation_key, ${i.tenantId}
      FROM jsonb_to_recordset(${json(news.subscriptions)}::jsonb)
        AS s(key text, element_id text, element_instance text, message_name text, correlation_key text)
      ON CONFLICT DO NOTHING)`);
  }
  // A data-modifying CTE runs whether or not the outer statement reads it (PostgreSQL's WITH, 7.8.4).
  const locked = news.jobs.length > 0 ? Prisma.sql`ARRAY(SELECT key::text FROM new_jobs WHERE worker IS NOT NULL)` : Prisma.sql`ARRAY[]::text[]`;
  const claimed = expected?.claim ? Prisma.sql`EXISTS (SELECT 1 FROM closed)` : Prisma.sql`true`;
  const [row] = await db.$queryRaw<{ revision: number | null; claimed: boolean; locked: string[] | null }[]>`/* prepared */
    WITH ${Prisma.join(parts, ',\n    ')}
    SELECT (SELECT revision FROM instance) AS revision, ${claimed} AS claimed, ${locked} AS locked`;
  if (expected && (row?.revision == null || !row.claimed)) throw new StepConflict(`Process instance ${i.key} moved on from revision ${expected.revision}`);
  if (row?.revision === null || row?.revision === undefined) throw new Error(`Process instance ${i.key} vanished during its step`);
  return { revision: row.revision, jobs, locked: row.locked ?? [] };
}

/**
 * The oldest live buffered message for the first of `subscriptions` (in their order) that has one, removed:
 * one statement for all of a step's subscriptions.
 */
export async function takeBufferedMessageFor(
  db: Client,
  q: { tenantId: string; subscriptions: { messageName: string; correlationKey: string }[]; now: Date },
): Promise<{ index: number; message: MessageRecord } | null> {
  if (q.subscriptions.length === 0) return null;
  const [row] = await db.$queryRaw<{ index: number; key: bigint; name: string; correlationKey: string; tenantId: string; messageId: string | null; variables: Variables; expiresAt: Date }[]>`/* prepared */
    WITH wanted AS (
      SELECT w.name, w.correlation_key, w.ord::int AS ord
      FROM unnest(${q.subscriptions.map((s) => s.messageName)}::text[], ${q.subscriptions.map((s) => s.correlationKey)}::text[]) WITH ORDINALITY AS w(name, correlation_key, ord)),
    first AS (
      SELECT m.key, wanted.ord FROM engine_message m JOIN wanted ON m.name = wanted.name AND m.correlation_key = wanted.correlation_key
      WHERE m.tenant_id = ${q.tenantId} AND m.expires_at > ${q.now}
      ORDER BY wanted.ord, m.published_at LIMIT 1 FOR UPDATE OF m SKIP LOCKED),
    taken AS (DELETE FROM engine_message m USING first WHERE m.key = first.key RETURNING m.*, first.ord)
    SELECT ord - 1 AS index, key, name, correlation_key AS "correlationKey", tenant_id AS "tenantId", message_id AS "messageId", variables, expires_at AS "expiresAt"
    FROM taken`;
  if (!row) return null;
  const { index, key, ...message } = row;
  return { index: Number(index), message: { ...message, key: String(key) } };
}

/** A JobRow's columns of engine_job under the name `table` (the table or its alias in the statement). */
const jobColumns = (table: string) =>
  Prisma.raw(
    [
      'key', 'instance_key AS "instanceKey"', 'element_id AS "elementId"', 'element_instance AS "elementInstance"', 'type', 'state', 'retries',
      'variables', 'custom_headers AS "customHeaders"', 'worker', 'lock_owner AS "lockOwner"', 'deadline', 'due_at AS "dueAt"', 'error_message AS "errorMessage"',
    ].map((column) => `${table}.${column}`).join(', '),
  );

/** Locks up to `maxJobs` activatable jobs and returns them with their instance's ids and variables: one statement. */
export async function activateJobs(
  db: Client,
  q: { type: string; maxJobs: number; worker: string; owner: string | null; now: Date; deadline: Date },
): Promise<ActivatableJob[]> {
  const rows = await db.$queryRaw<(JobRow & { bpmnProcessId: string; businessKey: string | null; tenantId: string; instanceVariables: Variables })[]>`/* prepared */
    WITH activated AS (
      UPDATE engine_job SET state = 'activated', worker = ${q.worker}, lock_owner = ${q.owner}, deadline = ${q.deadline}, updated_at = ${q.now}
      WHERE key IN (
        SELECT key FROM engine_job
        WHERE type = ${q.type} AND state = 'activatable' AND due_at <= ${q.now}
        ORDER BY due_at LIMIT ${q.maxJobs} FOR UPDATE SKIP LOCKED)
      RETURNING *)
    SELECT ${jobColumns('a')}, i.bpmn_process_id AS "bpmnProcessId", i.business_key AS "businessKey", i.tenant_id AS "tenantId",
           i.variables AS "instanceVariables"
    FROM activated a JOIN engine_instance i ON i.key = a.instance_key
    ORDER BY a.due_at, a.key`;
  return rows.map(({ bpmnProcessId, businessKey, tenantId, instanceVariables, ...job }) => ({ ...toJob(job), bpmnProcessId, businessKey, tenantId, instanceVariables }));
}

export async function getJob(db: Client, key: string): Promise<JobRecord | null> {
  const [row] = await db.$queryRaw<JobRow[]>`/* prepared */
    SELECT ${jobColumns('engine_job')} FROM engine_job WHERE key = ${BigInt(key)}`;
  return row ? toJob(row) : null;
}

type JobPatch = Partial<Pick<JobRecord, 'state' | 'retries' | 'dueAt' | 'errorMessage' | 'worker' | 'lockOwner' | 'deadline'>>;
const JOB_COLUMNS: Record<keyof JobPatch, string> = {
  state: 'state', retries: 'retries', dueAt: 'due_at', errorMessage: 'error_message', worker: 'worker', lockOwner: 'lock_owner', deadline: 'deadline',
};

const jobSets = (patch: JobPatch) =>
  Prisma.join([
    ...(Object.keys(JOB_COLUMNS) as (keyof JobPatch)[])
      .filter((field) => patch[field] !== undefined)
      .map((field) => Prisma.sql`${Prisma.raw(JOB_COLUMNS[field])} = ${patch[field]}`),
    Prisma.sql`updated_at = ${new Date()}`,
  ]);

export async function updateJob(db: Client, key: string, patch: JobPatch): Promise<void> {
  const count = await db.$executeRaw`UPDATE engine_job SET ${jobSets(patch)} WHERE key = ${BigInt(key)}`;
  if (count === 0) throw new Error(`engine_job ${key} not found`);
}

/**
 * The scheduler's pass in one statement (see EngineStore.sweep). Its parts run on one snapshot: the
 * activatable types are those already activatable plus those it releases.
 */
export async function sweep(db: Client, q: SweepQuery): Promise<SweepResult> {
  const [row] = await db.$queryRaw<{ nodes: EngineNodeRecord[] | null; released: number; expired: number; timers: string[]; types: string[] }[]>`/* prepared */
    WITH dead AS (
      DELETE FROM engine_node WHERE (heartbeat_at < ${q.staleBefore} OR id = ANY(${q.dead}::text[])) AND id <> ${q.self}
      RETURNING id, name, started_at, heartbeat_at),
    released AS (
      UPDATE engine_job SET state = 'activatable', worker = NULL, lock_owner = NULL, deadline = NULL, updated_at = ${q.now}
      WHERE state = 'activated' AND (deadline < ${q.locksExpiredBefore} OR lock_owner IN (SELECT id FROM dead))
      RETURNING type, due_at),
    expired AS (DELETE FROM engine_message WHERE expires_at <= ${q.now} RETURNING 1)
    SELECT (SELECT json_agg(json_build_object('id', id, 'name', name, 'startedAt', started_at, 'heartbeatAt', heartbeat_at)) FROM dead) AS nodes,
           (SELECT count(*)::int FROM released) AS released,
           (SELECT count(*)::int FROM expired) AS expired,
           ARRAY(SELECT DISTINCT t.instance_key::text FROM engine_timer t
                 WHERE t.due_at <= ${q.now}
                   AND NOT EXISTS (SELECT 1 FROM engine_incident i WHERE i.instance_key = t.instance_key AND i.state = 'active' AND i.job_key IS NULL)
                 LIMIT ${q.timerBatch}) AS timers,
           ARRAY(SELECT type FROM engine_job WHERE state = 'activatable' AND due_at <= ${q.now}
                 UNION SELECT type FROM released WHERE due_at <= ${q.now}) AS types`;
  const nodes = (row?.nodes ?? []).map((n) => ({ ...n, startedAt: new Date(n.startedAt), heartbeatAt: new Date(n.heartbeatAt) }));
  return {
    nodes,
    jobsReleased: Number(row?.released ?? 0),
    messagesExpired: Number(row?.expired ?? 0),
    dueTimerInstances: row?.timers ?? [],
    activatableJobTypes: row?.types ?? [],
  };
}

export async function removeNode(db: Client, id: string, now: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ released: number }[]>`/* prepared */
    WITH gone AS (DELETE FROM engine_node WHERE id = ${id} RETURNING id),
    released AS (
      UPDATE engine_job SET state = 'activatable', worker = NULL, lock_owner = NULL, deadline = NULL, updated_at = ${now}
      WHERE state = 'activated' AND lock_owner = ${id}
      RETURNING 1)
    SELECT (SELECT count(*)::int FROM released) AS released`;
  return Number(row?.released ?? 0);
}

export async function beatNode(db: Client, node: { id: string; name: string; now: Date } & NodeProcess): Promise<void> {
  await db.$executeRaw`/* prepared */
    INSERT INTO engine_node (id, name, started_at, heartbeat_at, pid, process_scope)
    VALUES (${node.id}, ${node.name}, ${node.now}, ${node.now}, ${node.pid ?? null}::int, ${node.processScope ?? null})
    ON CONFLICT (id) DO UPDATE SET heartbeat_at = EXCLUDED.heartbeat_at`;
}

export async function nodesInScope(db: Client, processScope: string): Promise<{ id: string; pid: number }[]> {
  return db.$queryRaw<{ id: string; pid: number }[]>`/* prepared */
    SELECT id, pid FROM engine_node WHERE process_scope = ${processScope} AND pid IS NOT NULL`;
}

/** A user task's columns with its instance's ids, under the names toUserTask reads (`t` the task, `i` its instance). */
const userTaskColumns = Prisma.raw(`t.key, t.instance_key AS "instanceKey", i.bpmn_process_id AS "bpmnProcessId", i.business_key AS "businessKey", i.tenant_id AS "tenantId",
           t.element_id AS "elementId", t.element_instance AS "elementInstance", t.name, t.state, t.assignee, t.candidate_groups AS "candidateGroups",
           t.candidate_users AS "candidateUsers", t.due_date AS "dueDate", t.follow_up_date AS "followUpDate", t.form_key AS "formKey",
           t.custom_headers AS "customHeaders", t.variables, t.created_at AS "createdAt", t.completed_at AS "completedAt"`);

type UserTaskJoinRow = Omit<UserTaskRow, 'instance'> & UserTaskRow['instance'];
const fromJoinRow = ({ bpmnProcessId, businessKey, tenantId, ...task }: UserTaskJoinRow) => toUserTask({ ...task, instance: { bpmnProcessId, businessKey, tenantId } });

export async function getUserTask(db: Client, key: string): Promise<UserTask | null> {
  const [row] = await db.$queryRaw<UserTaskJoinRow[]>`/* prepared */
    SELECT ${userTaskColumns} FROM engine_user_task t JOIN engine_instance i ON i.key = t.instance_key WHERE t.key = ${BigInt(key)}`;
  return row ? fromJoinRow(row) : null;
}

/**
 * User tasks by state, instance and candidates, oldest first, in raw SQL (Prisma's query compiler cost more than the
 * query). Its text follows which filters are given (at most 16 texts), so each is prepared with its own conditions.
 */
export async function searchUserTasks(db: Client, filter: UserTaskFilter): Promise<UserTask[]> {
  const where: Prisma.Sql[] = [];
  if (filter.state) where.push(Prisma.sql`t.state = ${filter.state}`);
  if (filter.instanceKey) where.push(Prisma.sql`t.instance_key = ${BigInt(filter.instanceKey)}`);
  const who: Prisma.Sql[] = [];
  if (filter.candidateGroups?.length) who.push(Prisma.sql`t.candidate_groups && ${filter.candidateGroups}::text[]`);
  if (filter.candidateUser) who.push(Prisma.sql`${filter.candidateUser} = ANY(t.candidate_users)`, Prisma.sql`t.assignee = ${filter.candidateUser}`);
  if (who.length > 0) where.push(Prisma.sql`(${Prisma.join(who, ' OR ')})`);
  const rows = await db.$queryRaw<UserTaskJoinRow[]>`/* prepared */
    SELECT ${userTaskColumns} FROM engine_user_task t JOIN engine_instance i ON i.key = t.instance_key
    ${where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty}
    ORDER BY t.created_at, t.key LIMIT ${filter.limit ?? 100}`;
  return rows.map(fromJoinRow);
}

export async function updateUserTask(db: Client, key: string, patch: { state?: 'completed'; assignee?: string | null; completedAt?: Date }): Promise<void> {
  const sets: Prisma.Sql[] = [];
  if (patch.state !== undefined) sets.push(Prisma.sql`state = ${patch.state}`);
  if (patch.assignee !== undefined) sets.push(Prisma.sql`assignee = ${patch.assignee}`);
  if (patch.completedAt !== undefined) sets.push(Prisma.sql`completed_at = ${patch.completedAt}`);
  if (sets.length === 0) return;
  const count = await db.$executeRaw`UPDATE engine_user_task SET ${Prisma.join(sets)} WHERE key = ${BigInt(key)}`;
  if (count === 0) throw new Error(`engine_user_task ${key} not found`);
}

/**
 * A migration's write in one statement (docs/adr/0051): the instance moves to its new definition with its rewritten
 * state, and the rows of its open waits and active incidents take the element ids of the target, by element instance.
 */
export async function migrateInstance(
  db: Client,
  i: InstanceRecord,
  changes: { elements: ElementIdChange[]; timers: ElementIdChange[]; subscriptions: ElementIdChange[] },
): Promise<{ revision: number }> {
  const instanceKey = BigInt(i.key);
  const [row] = await db.$queryRaw<{ revision: number }[]>`
    WITH input AS (SELECT ${json(changes)}::jsonb AS c),
    instance AS (
      UPDATE engine_instance SET definition_key = ${BigInt(i.definitionKey)}, bpmn_process_id = ${i.bpmnProcessId}, version = ${i.version},
        engine_state = ${json(i.engineState)}::jsonb, active_elements = ${json(i.activeElements)}::jsonb, updated_at = ${new Date()}, revision = revision + 1
      WHERE key = ${instanceKey} RETURNING revision),
    elements AS (SELECT e."elementInstance" AS element_instance, e."elementId" AS element_id FROM input, jsonb_to_recordset(input.c->'elements') AS e("elementInstance" text, "elementId" text)),
    timers AS (SELECT e."elementInstance" AS element_instance, e."elementId" AS element_id FROM input, jsonb_to_recordset(input.c->'timers') AS e("elementInstance" text, "elementId" text)),
    subscriptions AS (SELECT e."elementInstance" AS element_instance, e."elementId" AS element_id FROM input, jsonb_to_recordset(input.c->'subscriptions') AS e("elementInstance" text, "elementId" text)),
    jobs AS (
      UPDATE engine_job j SET element_id = e.element_id, updated_at = ${new Date()} FROM elements e
      WHERE j.instance_key = ${instanceKey} AND j.element_instance = e.element_instance AND j.state = ANY(${OPEN_JOB_STATES}::text[]) RETURNING 1),
    tasks AS (
      UPDATE engine_user_task t SET element_id = e.element_id FROM elements e
      WHERE t.instance_key = ${instanceKey} AND t.element_instance = e.element_instance AND t.state = 'created' RETURNING 1),
    incidents AS (
      UPDATE engine_incident x SET element_id = e.element_id FROM elements e
      WHERE x.instance_key = ${instanceKey} AND x.element_instance = e.element_instance AND x.state = 'active' RETURNING 1),
    timer_rows AS (
      UPDATE engine_timer t SET element_id = e.element_id FROM timers e
      WHERE t.instance_key = ${instanceKey} AND t.element_instance = e.element_instance RETURNING 1),
    subscription_rows AS (
      UPDATE engine_subscription s SET element_id = e.element_id FROM subscriptions e
      WHERE s.instance_key = ${instanceKey} AND s.element_instance = e.element_instance RETURNING 1)
    SELECT revision, (SELECT count(*) FROM jobs) + (SELECT count(*) FROM tasks) + (SELECT count(*) FROM incidents)
      + (SELECT count(*) FROM timer_rows) + (SELECT count(*) FROM subscription_rows) AS changed
    FROM instance`;
  if (!row) throw new Error(`Process instance ${i.key} not found`);
  return { revision: Number(row.revision) };
}
