import { resolveList, resolveString } from '../feel';
import type { UserTaskWait } from '../store';
import type { Variables } from '../types';
import type { ElementModel } from './process-model';

/**
 * What a user task of the model waits with, its expressions resolved in `scope`: the same for both runtimes
 * (bpmn-engine's and the token executor's); `variables` are the task's local variables.
 */
export function userTaskFields(element: ElementModel, scope: Variables, variables: Variables): Omit<UserTaskWait, 'key' | 'elementId' | 'elementInstance'> {
  const task = element.userTask!;
  const date = (value: string | undefined) => {
    const resolved = resolveString(value, scope);
    return resolved ? new Date(resolved) : null;
  };
  return {
    name: element.name,
    assignee: resolveString(task.assignee, scope),
    candidateGroups: resolveList(task.candidateGroups, scope),
    candidateUsers: resolveList(task.candidateUsers, scope),
    dueDate: date(task.dueDate),
    followUpDate: date(task.followUpDate),
    formKey: task.formKey ?? null,
    customHeaders: task.headers,
    variables,
  };
}
