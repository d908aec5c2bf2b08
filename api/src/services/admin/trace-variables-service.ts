import { LOCKED_VARIABLES, sameJson, type VariableEdit } from '@kuaibao/domain';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { isEngineKey } from '../engine-key';

type Deps = Pick<ApiDeps, 'engine' | 'incidents' | 'audit' | 'now'>;

export interface VariableEdited {
  action: 'editVariable';
  instanceKey: string;
  incidentNumber: string;
  name: string;
  value: unknown;
}

/**
 * 修改流程变量 (docs/adr/0045): sets one existing variable of a running report's flow to a new value, with the reason and
 * the value before and after in the dossier's trail. Refused: a 涉密 report (its content never enters these screens:
 * 403), a variable that ties the flow to its report (400 on `name`), a flow that ended or a value changed since the
 * admin saw it (409, the current value in `current`). Engine first, then the trail (as 终止 does).
 */
export async function editVariable(deps: Deps, actor: { user: SessionUser; ip: string | null }, instanceKey: string, name: string, input: VariableEdit): Promise<VariableEdited> {
  const notFound = () => new AppError('NOT_FOUND', bilingual(`流程实例 ${instanceKey} 不存在`, `Instance ${instanceKey} not found`));
  if (!isEngineKey(instanceKey)) throw notFound();
  const instance = await deps.engine.getInstance(instanceKey);
  const report = instance && (await deps.incidents.reportByInstance(instanceKey));
  if (!instance || !report) throw notFound();
  if (report.incident.classified) {
    throw new AppError('FORBIDDEN', bilingual('涉密报告的内容不在系统中显示，流程变量也不能在此修改', 'A classified report’s content is never shown here, and its variables cannot be edited'));
  }
  if (LOCKED_VARIABLES.includes(name)) {
    throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'name', message: bilingual(`变量「${name}」将流程与报告关联，不能修改`, `${name} ties the flow to its report and cannot be edited`) }]);
  }
  if (instance.state !== 'active') throw new AppError('CONFLICT', bilingual('该报告的流程已结束，变量不能再修改', 'The report’s flow has ended: its variables can no longer change'), [], { state: instance.state });
  if (!Object.hasOwn(instance.variables, name)) throw new AppError('NOT_FOUND', bilingual(`流程中没有变量「${name}」`, `The flow has no variable ${name}`));
  const before = instance.variables[name];
  if (!sameJson(before, input.expected)) {
    throw new AppError('CONFLICT', bilingual(`变量「${name}」在您查看之后已被修改，请刷新后再改`, `${name} changed after you looked at it: reload and edit again`), [], { current: before ?? null });
  }
  if (sameJson(before, input.value)) throw new AppError('CONFLICT', bilingual(`变量「${name}」已是该值，无需修改`, `${name} already has this value`));
  await deps.engine.setVariables(instanceKey, { [name]: input.value });
  await deps.audit.append({
    incidentNumber: report.incidentNumber, reportId: report.id, actorId: actor.user.id, actorName: actor.user.displayName, action: 'trace.variable_edited',
    detail: { instanceKey, name, before: before ?? null, after: input.value, reason: input.reason }, ip: actor.ip, at: deps.now(),
  });
  return { action: 'editVariable', instanceKey, incidentNumber: report.incidentNumber, name, value: input.value };
}
