import { EngineError } from '../errors';
import type { CamundaRest } from './sdk';

type Brand<T> = Extract<NonNullable<T>, string>;
type ProcessInstanceKey = Brand<Parameters<CamundaRest['getProcessInstance']>[0]['processInstanceKey']>;
type UserTaskKey = Brand<Parameters<CamundaRest['getUserTask']>[0]['userTaskKey']>;
type VariableFilter = NonNullable<NonNullable<Parameters<CamundaRest['searchVariables']>[0]>['filter']>;
type ScopeKey = Brand<VariableFilter['scopeKey']>;
type ProcessDefinitionId = Brand<NonNullable<NonNullable<Parameters<CamundaRest['searchProcessInstances']>[0]>['filter']>['processDefinitionId']>;
type ProcessDefinitionKey = Brand<Parameters<CamundaRest['getProcessDefinition']>[0]['processDefinitionKey']>;
type TenantId = Brand<Parameters<CamundaRest['correlateMessage']>[0]['tenantId']>;

/**
 * The port's string keys as the REST client's branded key types (brands exist only for the compiler;
 * the SDK's own lifters do the same cast after a pattern check). A key that is not an int64 names
 * nothing in Zeebe: INVALID_ARGUMENT here rather than a validation error from inside the SDK.
 * No value is imported from the SDK, so loading the engine package does not load the SDK.
 */
const int64 = (what: string, key: string): string => {
  if (!/^-?\d{1,25}$/.test(key)) throw new EngineError('INVALID_ARGUMENT', `${what} key must be an int64: ${key}`, { key });
  return key;
};

export const restKey = {
  processInstance: (key: string) => int64('Process instance', key) as ProcessInstanceKey,
  scope: (key: string) => int64('Scope', key) as ScopeKey,
  userTask: (key: string) => int64('User task', key) as UserTaskKey,
  processDefinitionId: (id: string) => id as ProcessDefinitionId,
  processDefinition: (key: string) => int64('Process definition', key) as ProcessDefinitionKey,
  tenant: (id: string) => id as TenantId,
};
