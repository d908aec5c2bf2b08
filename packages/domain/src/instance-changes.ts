import { z } from 'zod';
import { DEFAULT_LOCALE, formatMessage, type Locale } from './messages';
import { makeTraceReasonSchema } from './trace-actions';

/*
 * 流程修改与迁移 (issue 22 item 3, docs/adr/0051): move a report's token (Zeebe's process instance modification) and move
 * running reports onto another version of their process (migration, with a dry run). Each with a required reason, audited
 * in the dossier's trail. The API parses with these, the forms validate with them.
 */

export const MODIFY_MAX_ITEMS = 20;
export const MIGRATION_BATCH_MAX = 50;
export const MIGRATION_MAX_MAPPINGS = 300;

const engineKey = z.string().regex(/^\d{1,20}$/);
const elementId = z.string().trim().min(1).max(200);
const reasonOf = (locale: Locale) => makeTraceReasonSchema(locale).shape.reason;

/** 修改流程: cancel the token at these element instances, activate these elements; at least one of them, and why. */
export function makeModifyInstanceSchema(locale: Locale = DEFAULT_LOCALE) {
  const tooMany = formatMessage(locale, 'change.tooMany', { max: MODIFY_MAX_ITEMS });
  return z
    .strictObject({
      terminate: z.array(engineKey).max(MODIFY_MAX_ITEMS, tooMany).default([]),
      activate: z.array(elementId).max(MODIFY_MAX_ITEMS, tooMany).default([]),
      reason: reasonOf(locale),
    })
    .superRefine((value, ctx) => {
      if (value.terminate.length === 0 && value.activate.length === 0) ctx.addIssue({ code: 'custom', path: ['activate'], message: formatMessage(locale, 'change.nothing') });
    });
}
export type ModifyInstanceRequest = z.output<ReturnType<typeof makeModifyInstanceSchema>>;

/** A migration's element mapping: each source element at most once. */
export const migrationMappingsSchema = z.array(z.strictObject({ sourceElementId: elementId, targetElementId: elementId })).max(MIGRATION_MAX_MAPPINGS);

/**
 * The checks a migration (one request or a background batch) shares beyond its fields: no source element mapped
 * twice and, unless it is a dry run, a reason.
 */
export function checkMigration(locale: Locale, value: { mappings: { sourceElementId: string }[]; dryRun: boolean; reason?: string }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  value.mappings.forEach((m, index) => {
    if (seen.has(m.sourceElementId)) ctx.addIssue({ code: 'custom', path: ['mappings', index, 'sourceElementId'], message: formatMessage(locale, 'change.duplicateMapping', { id: m.sourceElementId }) });
    seen.add(m.sourceElementId);
  });
  if (value.dryRun) return;
  const reason = reasonOf(locale).safeParse(value.reason);
  if (!reason.success) for (const issue of reason.error.issues) ctx.addIssue({ code: 'custom', path: ['reason'], message: issue.message });
}

/** 迁移: these running instances, onto this definition, each active element mapped; a dry run needs no reason. */
export function makeMigrationSchema(locale: Locale = DEFAULT_LOCALE) {
  const required = formatMessage(locale, 'change.instancesRequired');
  const targetRequired = formatMessage(locale, 'change.targetRequired');
  return z
    .strictObject({
      instanceKeys: z.array(engineKey, { error: required }).min(1, required).max(MIGRATION_BATCH_MAX, formatMessage(locale, 'change.tooMany', { max: MIGRATION_BATCH_MAX })),
      targetDefinitionKey: engineKey.or(z.literal('')).refine((v) => v !== '', targetRequired),
      mappings: migrationMappingsSchema,
      dryRun: z.boolean().default(false),
      reason: z.string().optional(),
    })
    .superRefine((value, ctx) => checkMigration(locale, value, ctx));
}
export type MigrationRequest = z.output<ReturnType<typeof makeMigrationSchema>>;

/** Why the engine refused a change (the port's ChangeRefusalReason), in words for the admin. */
export const CHANGE_REFUSAL_TEXT: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    LEGACY_INSTANCE: '该流程实例由旧引擎（bpmn-engine）启动，只能按原样办结，不能修改或迁移',
    NOTHING_TO_DO: '没有要取消或激活的环节',
    NOT_ACTIVE: '要取消的环节已不在进行中（状态已变化）',
    UNKNOWN_ELEMENT: '流程中没有环节「{element}」',
    NOT_ACTIVATABLE: '「{element}」不能直接激活（开始事件、边界事件、事件子流程或汇聚网关）',
    SCOPE_MISSING: '「{element}」位于子流程内，而该子流程当前不在进行中：令牌不能脱离其子流程',
    SCOPE_AMBIGUOUS: '「{element}」所在的子流程有多个实例，无法确定激活到哪一个',
    SCOPE_LEFT_EMPTY: '取消后子流程「{element}」内将没有任何进行中的环节：请一并取消该子流程，或在其中激活一个环节',
    NO_TOKEN_LEFT: '取消后流程将没有任何进行中的环节：如需结束请使用“终止”',
    OTHER_PROCESS: '目标版本属于另一个流程',
    OTHER_TENANT: '目标版本属于另一个辖区',
    SAME_DEFINITION: '该实例已在目标版本上运行',
    UNMAPPED_ELEMENT: '进行中的环节「{element}」没有映射到目标版本',
    TARGET_UNKNOWN: '目标版本中没有环节「{target}」',
    TYPE_CHANGED: '「{element}」不能映射为不同类型的环节「{target}」',
    SCOPE_CHANGED: '「{element}」映射到「{target}」后将脱离其所在的子流程',
    UNMAPPED_EVENT: '「{element}」的时限或消息在目标版本中没有对应的事件，迁移会使其丢失',
    UNMAPPED_JOIN: '并行汇聚「{element}」在目标版本中不存在或其已到达的分支不同',
    ACTIVATION_FAILED: '激活后流程无法继续：{message}',
  },
  en: {
    LEGACY_INSTANCE: 'This instance was started on the legacy engine (bpmn-engine) and finishes there: it cannot be modified or migrated',
    NOTHING_TO_DO: 'Nothing to cancel or activate',
    NOT_ACTIVE: 'The step to cancel is no longer active (the state moved on)',
    UNKNOWN_ELEMENT: 'The process has no step "{element}"',
    NOT_ACTIVATABLE: '"{element}" cannot be activated directly (start event, boundary event, event sub-process or joining gateway)',
    SCOPE_MISSING: '"{element}" lies inside a sub-process that is not active: a token cannot live outside its sub-process',
    SCOPE_AMBIGUOUS: 'The sub-process of "{element}" is active more than once',
    SCOPE_LEFT_EMPTY: 'Sub-process "{element}" would be left without an active step: cancel it too, or activate a step inside it',
    NO_TOKEN_LEFT: 'No step would remain active: use Cancel to end the flow',
    OTHER_PROCESS: 'The target version belongs to another process',
    OTHER_TENANT: 'The target version belongs to another jurisdiction',
    SAME_DEFINITION: 'The instance already runs the target version',
    UNMAPPED_ELEMENT: 'The active step "{element}" is not mapped to the target version',
    TARGET_UNKNOWN: 'The target version has no step "{target}"',
    TYPE_CHANGED: '"{element}" cannot become "{target}", a step of another type',
    SCOPE_CHANGED: 'Mapped to "{target}", "{element}" would leave its sub-process',
    UNMAPPED_EVENT: 'The clock or message of "{element}" has no counterpart in the target version and would be lost',
    UNMAPPED_JOIN: 'The parallel join "{element}" or the branches it received are not in the target version',
    ACTIVATION_FAILED: 'The flow cannot go on after the activation: {message}',
  },
};

export function changeRefusalText(locale: Locale, reason: string, params: { element?: string; target?: string; message?: string }): string {
  const template = CHANGE_REFUSAL_TEXT[locale][reason] ?? params.message ?? reason;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String((params as Record<string, unknown>)[name] ?? ''));
}

/** A refusal as the API answers it: the engine's reason code, the element, and the words. */
export interface ChangeRefusalView {
  reason: string;
  elementId: string | null;
  elementInstanceKey: string | null;
  targetElementId: string | null;
  message: string;
}

export interface InstanceChangeElement {
  id: string;
  name: string | null;
  type: string;
  parentId: string | null;
}

/** What the admin may choose from: the instance's active element instances, its version's elements, the other versions. */
export interface InstanceChangeOptions {
  instanceKey: string;
  bpmnProcessId: string;
  definitionKey: string;
  version: number;
  active: { elementInstanceKey: string; elementId: string; elementName: string | null; elementType: string }[];
  elements: InstanceChangeElement[];
  versions: { definitionKey: string; version: number; elements: InstanceChangeElement[] }[];
}

export interface ModifyInstanceResult {
  action: 'modify';
  instanceKey: string;
  incidentNumber: string;
  terminated: { elementInstanceKey: string; elementId: string; elementName: string | null }[];
  activated: { elementId: string; elementName: string | null }[];
}

export interface MigrationItemResult {
  instanceKey: string;
  incidentNumber: string | null;
  /** Applied (or, in a dry run, would apply) with nothing refused. */
  ok: boolean;
  migrated: boolean;
  sourceVersion: number | null;
  targetVersion: number | null;
  moves: { elementInstanceKey: string; elementId: string; elementName: string | null; targetElementId: string; targetElementName: string | null }[];
  refusals: ChangeRefusalView[];
  /** Not planned at all (no such instance, not running): the problem's status and detail. */
  status?: number;
  detail?: string;
}
