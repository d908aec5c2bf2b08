import {
  changeRefusalText, type ChangeRefusalView, type InstanceChangeOptions, type MigrationItemResult, type MigrationRequest,
  type ModifyInstanceRequest, type ModifyInstanceResult,
} from '@kuaibao/domain';
import { EngineError, type ChangeRefusal, type ProcessDefinitionInfo } from '@kuaibao/engine';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual, ERROR_TABLE, textIn, type FieldError } from '../../errors/app-error';
import { toAppError } from '../../errors/problem-middleware';
import { isEngineKey } from '../engine-key';

type Deps = Pick<ApiDeps, 'engine' | 'incidents' | 'audit'>;
type Locale = 'zh-CN' | 'en';
export interface Actor { user: Pick<SessionUser, 'id' | 'displayName'>; ip: string | null }

/** Elements a modification cannot start at: the engine refuses them too (NOT_ACTIVATABLE); the form does not offer them. */
const NOT_ACTIVATABLE = new Set(['bpmn:StartEvent', 'bpmn:BoundaryEvent']);

const instanceNotFound = (key: string) => new AppError('NOT_FOUND', bilingual(`流程实例 ${key} 不存在`, `Instance ${key} not found`));

async function reportedInstance(deps: Deps, key: string) {
  if (!isEngineKey(key)) throw instanceNotFound(key);
  const instance = await deps.engine.getInstance(key);
  const report = instance && (await deps.incidents.reportByInstance(key));
  if (!instance || !report) throw instanceNotFound(key);
  return { instance, report };
}

const nameIn = (definition: ProcessDefinitionInfo | undefined, id: string) => definition?.elements.find((e) => e.id === id)?.name ?? null;

/** The engine's refusals in the admin's words, both languages, each with the element named as the diagram names it. */
function views(refusals: ChangeRefusal[], source: ProcessDefinitionInfo | undefined, target: ProcessDefinitionInfo | undefined, locale: Locale): ChangeRefusalView[] {
  return refusals.map((r) => ({
    reason: r.reason,
    elementId: r.elementId ?? null,
    elementInstanceKey: r.elementInstanceKey ?? null,
    targetElementId: r.targetElementId ?? null,
    message: changeRefusalText(locale, r.reason, {
      element: r.elementId ? (nameIn(source, r.elementId) ?? nameIn(target, r.elementId) ?? r.elementId) : '',
      target: r.targetElementId ? (nameIn(target, r.targetElementId) ?? r.targetElementId) : '',
      message: r.message,
    }),
  }));
}

const refusalsOf = (error: unknown): ChangeRefusal[] | null =>
  error instanceof EngineError && error.code === 'INVALID_STATE' && Array.isArray(error.details.refusals) ? (error.details.refusals as ChangeRefusal[]) : null;

/** What the admin may choose from on the instance page: where the tokens are, where they may go, the other versions. */
export async function changeOptions(deps: Deps, key: string): Promise<InstanceChangeOptions> {
  const { instance } = await reportedInstance(deps, key);
  const definitions = await deps.engine.listDefinitions({ bpmnProcessId: instance.bpmnProcessId, tenantId: instance.tenantId });
  const current = definitions.find((d) => d.key === instance.definitionKey);
  const activatable = (d: ProcessDefinitionInfo) => d.elements.filter((e) => !NOT_ACTIVATABLE.has(e.type));
  return {
    instanceKey: instance.key,
    bpmnProcessId: instance.bpmnProcessId,
    definitionKey: instance.definitionKey,
    version: instance.version,
    active: instance.state === 'active'
      ? instance.activeElements.map((e) => ({ elementInstanceKey: e.elementInstanceKey, elementId: e.elementId, elementName: nameIn(current, e.elementId), elementType: e.elementType }))
      : [],
    elements: current ? activatable(current) : [],
    versions: definitions.filter((d) => d.key !== instance.definitionKey).map((d) => ({ definitionKey: d.key, version: d.version, elements: d.elements })),
  };
}

/**
 * 修改流程 (Zeebe's process instance modification, docs/adr/0051): cancels the token at the chosen element instances and
 * activates the chosen elements, with a reason in the dossier's trail. Refused (409, nothing changed) with the engine's
 * reasons, each on the field of the instruction it concerns, when the result would be invalid or the state moved on.
 */
export async function modify(deps: Deps, actor: Actor, key: string, input: ModifyInstanceRequest, locale: Locale): Promise<ModifyInstanceResult> {
  const { instance, report } = await reportedInstance(deps, key);
  if (instance.state !== 'active') throw new AppError('CONFLICT', bilingual('该报告的流程已结束，不能修改', 'The report’s flow has ended: it cannot be modified'), [], { state: instance.state });
  const [current] = (await deps.engine.listDefinitions({ bpmnProcessId: instance.bpmnProcessId, tenantId: instance.tenantId })).filter((d) => d.key === instance.definitionKey);
  try {
    await deps.engine.modifyInstance(key, { terminate: input.terminate, activate: input.activate.map((elementId) => ({ elementId })) });
  } catch (error) {
    const refusals = refusalsOf(error);
    if (!refusals) throw error;
    const zh = views(refusals, current, current, 'zh-CN');
    const en = views(refusals, current, current, 'en');
    const fields: FieldError[] = refusals.map((r, i) => ({ path: pathOf(r, input), message: bilingual(zh[i]!.message, en[i]!.message) }));
    throw new AppError('CONFLICT', bilingual(zh.map((v) => v.message).join('；'), en.map((v) => v.message).join('; ')), fields, { refusals: locale === 'en' ? en : zh });
  }
  const terminated = input.terminate.map((k) => {
    const element = instance.activeElements.find((e) => e.elementInstanceKey === k);
    return { elementInstanceKey: k, elementId: element?.elementId ?? '', elementName: element ? nameIn(current, element.elementId) : null };
  });
  const activated = input.activate.map((elementId) => ({ elementId, elementName: nameIn(current, elementId) }));
  await deps.audit.append({
    incidentNumber: report.incidentNumber, reportId: report.id, actorId: actor.user.id, actorName: actor.user.displayName, action: 'trace.modified',
    detail: { instanceKey: key, reason: input.reason, version: instance.version, terminated, activated }, ip: actor.ip,
  });
  return { action: 'modify', instanceKey: key, incidentNumber: report.incidentNumber, terminated, activated };
}

/** The field of the instruction a refusal is about: `activate.<i>` or `terminate.<i>`, else the body. */
function pathOf(refusal: ChangeRefusal, input: ModifyInstanceRequest): string {
  const activate = refusal.elementId ? input.activate.indexOf(refusal.elementId) : -1;
  if (activate >= 0 && refusal.reason !== 'SCOPE_LEFT_EMPTY') return `activate.${activate}`;
  const terminate = refusal.elementInstanceKey ? input.terminate.indexOf(refusal.elementInstanceKey) : -1;
  return terminate >= 0 ? `terminate.${terminate}` : '';
}

/**
 * 迁移 (Zeebe's process instance migration, docs/adr/0051): each instance onto the target version with the mapping, each
 * answering on its own — what moves, what cannot and why. A dry run changes nothing; otherwise an instance with any
 * refusal is left as it was, and each migrated one gets `trace.migrated` with the reason in its dossier's trail.
 */
export async function migrate(deps: Deps, actor: Actor, input: MigrationRequest, locale: Locale): Promise<MigrationItemResult[]> {
  const definitions = new Map<string, Promise<ProcessDefinitionInfo[]>>();
  const versionsOf = (bpmnProcessId: string, tenantId: string) => {
    const id = `${tenantId}/${bpmnProcessId}`;
    if (!definitions.has(id)) definitions.set(id, deps.engine.listDefinitions({ bpmnProcessId, tenantId }));
    return definitions.get(id)!;
  };
  const results: MigrationItemResult[] = [];
  for (const instanceKey of [...new Set(input.instanceKeys)]) {
    let incidentNumber: string | null = null;
    try {
      const { instance, report } = await reportedInstance(deps, instanceKey);
      incidentNumber = report.incidentNumber;
      if (instance.state !== 'active') throw new AppError('CONFLICT', bilingual('该报告的流程已结束，不能迁移', 'The report’s flow has ended: it cannot be migrated'));
      const known = await versionsOf(instance.bpmnProcessId, instance.tenantId);
      const source = known.find((d) => d.key === instance.definitionKey);
      const target = known.find((d) => d.key === input.targetDefinitionKey);
      const plan = { targetDefinitionKey: input.targetDefinitionKey, mappings: input.mappings };
      let report_ = null;
      let refusals: ChangeRefusal[] = [];
      try {
        report_ = await deps.engine.migrateInstance(instanceKey, plan, { dryRun: input.dryRun });
        refusals = report_.refusals;
      } catch (error) {
        const refused = refusalsOf(error);
        if (!refused) throw error;
        refusals = refused;
        report_ = await deps.engine.migrateInstance(instanceKey, plan, { dryRun: true });
      }
      const moves = report_.moves.map((m) => ({ ...m, elementName: nameIn(source, m.elementId), targetElementName: nameIn(target, m.targetElementId) }));
      const result: MigrationItemResult = {
        instanceKey, incidentNumber, ok: refusals.length === 0, migrated: report_.migrated && refusals.length === 0,
        sourceVersion: report_.sourceVersion, targetVersion: report_.targetVersion, moves, refusals: views(refusals, source, target, locale),
      };
      if (result.migrated) {
        await deps.audit.append({
          incidentNumber: report.incidentNumber, reportId: report.id, actorId: actor.user.id, actorName: actor.user.displayName, action: 'trace.migrated',
          detail: { instanceKey, reason: input.reason ?? '', fromVersion: report_.sourceVersion, toVersion: report_.targetVersion, targetDefinitionKey: input.targetDefinitionKey, moves }, ip: actor.ip,
        });
      }
      results.push(result);
    } catch (caught) {
      const error = toAppError(caught);
      results.push({ instanceKey, incidentNumber, ok: false, migrated: false, sourceVersion: null, targetVersion: null, moves: [], refusals: [], status: ERROR_TABLE[error.code].status, detail: textIn(locale, error.text) });
    }
  }
  return results;
}
