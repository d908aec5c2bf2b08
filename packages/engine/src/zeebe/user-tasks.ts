import type { UserTask, UserTaskFilter, Variables } from '../types';
import { call, isNotFound } from './errors';
import { mergeUserTasks, toUserTask, toUserTaskFilters, toVariables } from './mapping';
import { restKey } from './rest-keys';
import { NO_WAIT, type CamundaRest, type RestUserTask } from './sdk';

const VARIABLES_PAGE = 1_000;

/**
 * Camunda user tasks (`zeebe:userTask`) through the Orchestration Cluster REST API: searched and read
 * from secondary storage (eventually consistent), assigned and completed by commands the broker
 * answers at once (404 or 409 when the task is no longer open). See ADR 0005.
 */
export class UserTaskGateway {
  /** Form ids by form key: a deployed form never changes under its key. */
  private readonly formIds = new Map<string, Promise<string | null>>();

  constructor(private readonly rest: CamundaRest) {}

  async search(filter: UserTaskFilter): Promise<UserTask[]> {
    const limit = filter.limit ?? 100;
    const pages = await call({ kind: 'lookup', subject: 'User tasks' }, () =>
      Promise.all(
        toUserTaskFilters(filter).map(async (f) => {
          const result = await this.rest.searchUserTasks(
            { filter: f, sort: [{ field: 'creationDate', order: 'ASC' }], page: { limit } },
            NO_WAIT,
          );
          return result.items ?? [];
        }),
      ),
    );
    return Promise.all(mergeUserTasks(pages, limit).map((task) => this.hydrate(task)));
  }

  async get(userTaskKey: string): Promise<UserTask | null> {
    try {
      return await this.hydrate(await this.rest.getUserTask({ userTaskKey: restKey.userTask(userTaskKey) }, NO_WAIT));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async assign(userTaskKey: string, assignee: string | null, allowOverride = true): Promise<void> {
    const key = restKey.userTask(userTaskKey);
    await call({ kind: 'command', subject: `User task ${userTaskKey}` }, () =>
      assignee === null ? this.rest.unassignUserTask({ userTaskKey: key }) : this.rest.assignUserTask({ userTaskKey: key, assignee, allowOverride }),
    );
  }

  async complete(userTaskKey: string, variables: Variables = {}): Promise<void> {
    await call({ kind: 'command', subject: `User task ${userTaskKey}` }, () =>
      this.rest.completeUserTask({ userTaskKey: restKey.userTask(userTaskKey), variables }),
    );
  }

  /** Adds what the inbox shows besides the task: the variables it sees (with the business key) and its form id. */
  private async hydrate(task: RestUserTask): Promise<UserTask> {
    const userTaskKey = restKey.userTask(String(task.userTaskKey));
    const [variables, formId] = await Promise.all([
      this.rest.searchUserTaskVariables({ userTaskKey, truncateValues: false, page: { limit: VARIABLES_PAGE } }, NO_WAIT),
      task.formKey !== undefined && task.externalFormReference === undefined ? this.formId(String(task.formKey), userTaskKey) : null,
    ]);
    return toUserTask(task, { variables: toVariables(variables.items ?? []), formId });
  }

  private formId(formKey: string, userTaskKey: ReturnType<typeof restKey.userTask>): Promise<string | null> {
    let formId = this.formIds.get(formKey);
    if (!formId) {
      formId = this.rest.getUserTaskForm({ userTaskKey }, NO_WAIT).then((form) => (form?.formId === undefined ? null : String(form.formId)));
      this.formIds.set(formKey, formId);
      formId.catch(() => this.formIds.delete(formKey));
    }
    return formId;
  }
}
