import { CANDIDATE_GROUP_VARIABLES, isRole, USER_TASK_KINDS } from '@kuaibao/domain';
import { allFlowElements, candidateGroups, candidateUsers, header, is, label, type ModdleNode, type Reporter } from '../moddle-node';

export interface UserTaskRolesOptions {
  /** The org tree's unit ids (the server passes them); without, a literal group's unit is not looked up. */
  unitIds?: readonly string[];
}

/**
 * Every user task is offered to people who exist: its candidate groups are `=groups.<name>` set by the flow's handlers,
 * or `unit:<unitId>:<role>` with a role of kuaibao and a unit of the org tree — or, with no groups, candidate users the flow
 * names (`=[coSign.signer]`: the person a leader chose for 加签, ADR 0041); and its `kind` header is one the inbox shows.
 */
export default function userTaskRolesExist(options: UserTaskRolesOptions = {}) {
  const units = options.unitIds ? new Set(options.unitIds) : null;
  function problem(group: string): string | null {
    const variable = /^=\s*groups\.(\w+)$/.exec(group);
    if (variable) return variable[1]! in CANDIDATE_GROUP_VARIABLES ? null : `候选组变量 groups.${variable[1]} 不存在`;
    const literal = /^unit:([^:]+):([^:]+)$/.exec(group);
    if (!literal) return `候选组「${group}」无法解析为单位和角色`;
    if (!isRole(literal[2]!)) return `角色「${literal[2]}」不存在`;
    if (units && !units.has(literal[1]!)) return `单位「${literal[1]}」不在组织机构树中`;
    return null;
  }
  function check(node: ModdleNode, reporter: Reporter) {
    if (!is(node, 'bpmn:Process')) return;
    for (const task of allFlowElements(node).filter((e) => is(e, 'bpmn:UserTask'))) {
      const groups = candidateGroups(task)?.trim();
      const users = candidateUsers(task)?.trim();
      if (!groups && !users) {
        reporter.report(task.id!, `${label(task)}没有候选组，无人能办理`);
        continue;
      }
      const items = !groups ? [] : groups.startsWith('=') ? [groups] : groups.split(',').map((g) => g.trim());
      for (const found of items.map(problem).filter((p) => p !== null)) reporter.report(task.id!, `${label(task)}：${found}`);
      const kind = header(task, 'kind');
      if (!kind || !(USER_TASK_KINDS as readonly string[]).includes(kind)) {
        reporter.report(task.id!, `${label(task)}的任务种类（header kind）「${kind ?? ''}」不存在；请从步骤模板中选择`);
      }
    }
  }
  return { check };
}
