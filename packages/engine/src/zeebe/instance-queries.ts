import type { Incident, InstanceFilter, InstanceStatus } from '../types';
import { call, isNotFound } from './errors';
import { BUSINESS_KEY_VARIABLE, businessKeyOf, toActiveElements, toIncident, toInstanceState, toVariables } from './mapping';
import { restKey } from './rest-keys';
import { NO_WAIT, type CamundaRest, type RestProcessInstance } from './sdk';

/** Largest page the adapter asks for: variables of one scope, active elements of one instance. */
const PAGE = 1_000;

/**
 * Where instances are and what they hold, read from the Orchestration Cluster's secondary storage
 * through the REST API. Eventually consistent: an answer reflects what the exporter has written,
 * usually within a second of the broker (see ADR 0005).
 */
export class InstanceQueries {
  constructor(private readonly rest: CamundaRest) {}

  async get(instanceKey: string): Promise<InstanceStatus | null> {
    try {
      return await this.status(await this.rest.getProcessInstance({ processInstanceKey: restKey.processInstance(instanceKey) }, NO_WAIT));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async find(filter: InstanceFilter): Promise<InstanceStatus[]> {
    const found = await call({ kind: 'lookup', subject: 'Process instances' }, () =>
      this.rest.searchProcessInstances(
        {
          filter: {
            ...(filter.bpmnProcessId && { processDefinitionId: restKey.processDefinitionId(filter.bpmnProcessId) }),
            ...(filter.state && { state: STATES[filter.state] }),
            ...(filter.businessKey !== undefined && { variables: [{ name: BUSINESS_KEY_VARIABLE, value: JSON.stringify(filter.businessKey) }] }),
          },
          sort: [{ field: 'startDate', order: 'ASC' }],
          page: { limit: filter.limit ?? 100 },
        },
        NO_WAIT,
      ),
    );
    return Promise.all((found.items ?? []).map((instance) => this.status(instance)));
  }

  async incidents(filter: { instanceKey?: string; state?: 'active' | 'resolved' }): Promise<Incident[]> {
    const found = await call({ kind: 'lookup', subject: 'Incidents' }, () =>
      this.rest.searchIncidents(
        {
          filter: {
            ...(filter.instanceKey && { processInstanceKey: restKey.processInstance(filter.instanceKey) }),
            ...(filter.state && { state: filter.state === 'active' ? 'ACTIVE' : 'RESOLVED' }),
          },
          sort: [{ field: 'creationTime', order: 'ASC' }],
          page: { limit: PAGE },
        },
        NO_WAIT,
      ),
    );
    return (found.items ?? []).map(toIncident);
  }

  private async status(instance: RestProcessInstance): Promise<InstanceStatus> {
    const key = String(instance.processInstanceKey);
    const processInstanceKey = restKey.processInstance(key);
    const [variables, elements, incidents] = await Promise.all([
      this.rest.searchVariables({ filter: { processInstanceKey, scopeKey: restKey.scope(key) }, page: { limit: PAGE }, truncateValues: false }, NO_WAIT),
      this.rest.searchElementInstances({ filter: { processInstanceKey, state: 'ACTIVE' }, page: { limit: PAGE } }, NO_WAIT),
      this.incidents({ instanceKey: key, state: 'active' }),
    ]);
    const vars = toVariables(variables.items ?? []);
    return {
      key,
      definitionKey: String(instance.processDefinitionKey),
      bpmnProcessId: String(instance.processDefinitionId),
      version: instance.processDefinitionVersion,
      tenantId: String(instance.tenantId),
      businessKey: businessKeyOf(vars),
      state: toInstanceState(instance.state),
      variables: vars,
      activeElements: instance.state === 'ACTIVE' ? toActiveElements(elements.items ?? []) : [],
      incidents,
      startedAt: new Date(instance.startDate).toISOString(),
      endedAt: instance.endDate ? new Date(instance.endDate).toISOString() : null,
    };
  }
}

const STATES = { active: 'ACTIVE', completed: 'COMPLETED', canceled: 'TERMINATED' } as const;
