import type { Camunda8, Zeebe } from '@camunda8/sdk';
import { grpcAddress, type ZeebeConfig } from './config';

type RestClient = ReturnType<Camunda8['getOrchestrationClusterApiClient']>;

/** The part of the SDK's gRPC client the adapter calls: the boundary unit tests replace. */
export type ZeebeGrpc = Pick<
  Zeebe.ZeebeGrpcClient,
  | 'deployResources'
  | 'createProcessInstance'
  | 'cancelProcessInstance'
  | 'setVariables'
  | 'activateJobs'
  | 'completeJob'
  | 'failJob'
  | 'throwError'
  | 'updateJobRetries'
  | 'publishMessage'
  | 'resolveIncident'
  | 'modifyProcessInstance'
  | 'migrateProcessInstance'
  | 'createWorker'
  | 'topology'
  | 'close'
>;

/** The part of the Orchestration Cluster REST client (8.8; keys are branded strings, see rest-keys.ts) the adapter calls. */
export type CamundaRest = Pick<
  RestClient,
  | 'getProcessInstance'
  | 'searchProcessInstances'
  | 'searchProcessDefinitions'
  | 'getProcessDefinition'
  | 'getProcessDefinitionXml'
  | 'searchElementInstances'
  | 'searchVariables'
  | 'searchIncidents'
  | 'searchUserTasks'
  | 'getUserTask'
  | 'searchUserTaskVariables'
  | 'getUserTaskForm'
  | 'assignUserTask'
  | 'unassignUserTask'
  | 'completeUserTask'
  | 'correlateMessage'
  | 'pinClock'
  | 'resetClock'
>;

export interface CamundaClients {
  grpc: ZeebeGrpc;
  rest: CamundaRest;
  close(): Promise<void>;
}

/** Reads from secondary storage answer with what is exported now; the adapter never waits for consistency. */
export const NO_WAIT = { consistency: { waitUpToMs: 0 } } as const;

/**
 * Connects to the cluster of `config`. The only place that constructs SDK clients; the SDK is
 * loaded here, on first use, so the embedded mode never loads it.
 */
export async function connectCamunda(config: ZeebeConfig): Promise<CamundaClients> {
  const { Camunda8 } = await import('@camunda8/sdk');
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: grpcAddress(config.ZEEBE_ADDRESS),
    ZEEBE_REST_ADDRESS: config.ZEEBE_REST_ADDRESS,
    CAMUNDA_AUTH_STRATEGY: config.CAMUNDA_AUTH_STRATEGY,
    zeebeGrpcSettings: { ZEEBE_GRPC_CLIENT_MAX_RETRIES: config.ZEEBE_GRPC_MAX_RETRIES },
    ...(config.CAMUNDA_AUTH_STRATEGY === 'BASIC' && {
      CAMUNDA_BASIC_AUTH_USERNAME: config.CAMUNDA_BASIC_AUTH_USERNAME,
      CAMUNDA_BASIC_AUTH_PASSWORD: config.CAMUNDA_BASIC_AUTH_PASSWORD,
    }),
    ...(config.CAMUNDA_AUTH_STRATEGY === 'OAUTH' && {
      ZEEBE_CLIENT_ID: config.ZEEBE_CLIENT_ID,
      ZEEBE_CLIENT_SECRET: config.ZEEBE_CLIENT_SECRET,
      CAMUNDA_OAUTH_URL: config.CAMUNDA_OAUTH_URL,
      ZEEBE_TOKEN_AUDIENCE: config.ZEEBE_TOKEN_AUDIENCE,
    }),
  });
  return {
    grpc: camunda.getZeebeGrpcApiClient(),
    rest: camunda.getOrchestrationClusterApiClient(),
    close: () => camunda.closeAllClients(),
  };
}

// ---- response shapes the mapping reads -------------------------------------------------------

type Item<F extends (...args: never[]) => Promise<{ items?: unknown }>> = NonNullable<Awaited<ReturnType<F>>['items']> extends (infer I)[] ? I : never;

export type ZeebeJob = Awaited<ReturnType<ZeebeGrpc['activateJobs']>>[number];
export type ZeebeDeployment = Awaited<ReturnType<ZeebeGrpc['deployResources']>>;
export type ZeebeTopology = Awaited<ReturnType<ZeebeGrpc['topology']>>;
export type RestProcessInstance = Awaited<ReturnType<CamundaRest['getProcessInstance']>>;
export type RestElementInstance = Item<CamundaRest['searchElementInstances']>;
export type RestIncident = Item<CamundaRest['searchIncidents']>;
export type RestVariable = Item<CamundaRest['searchVariables']>;
export type RestUserTask = Awaited<ReturnType<CamundaRest['getUserTask']>>;
export type RestUserTaskFilter = NonNullable<NonNullable<Parameters<CamundaRest['searchUserTasks']>[0]>['filter']>;
export type RestUserTaskState = NonNullable<RestUserTask['state']>;

/**
 * The port's variables as the SDK call's variable type (JSONDoc, IProcessVariables…, inferred from
 * where it is passed). The port's variables are JSON objects by contract.
 */
export const jsonDoc = <T>(variables: Record<string, unknown>): T => variables as T;
export type StartVariables = Parameters<ZeebeGrpc['createProcessInstance']>[0]['variables'];
export type SetVariables = Parameters<ZeebeGrpc['setVariables']>[0]['variables'];
