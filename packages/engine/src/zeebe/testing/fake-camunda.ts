import type { CamundaRest, ZeebeGrpc } from '../sdk';

/**
 * A stand-in for the SDK clients at their boundary, for unit tests: every method the adapter calls
 * records its arguments and answers what the test scripted (or a plausible default). Nothing else
 * of the SDK is imitated.
 */
type Impl = (...args: never[]) => unknown;
type Script<K extends string> = Partial<Record<K, Impl>>;

export interface Call {
  client: 'grpc' | 'rest';
  method: string;
  args: unknown[];
}

export type GrpcMethod = keyof ZeebeGrpc;
export type RestMethod = keyof CamundaRest;

/** An error as grpc-js raises it for a broker rejection. */
export const grpcError = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details });
/** An error as the REST client raises it for a problem-detail answer. */
export const restError = (status: number, title: string, detail = title) =>
  Object.assign(new Error(title), { name: 'HttpSdkError', status, title, detail });

/** Methods the SDK answers synchronously. */
const SYNC = new Set(['createWorker']);

const GRPC_DEFAULTS: Script<GrpcMethod> = {
  deployResources: () => ({ key: '1', deployments: [], tenantId: '<default>' }),
  createProcessInstance: () => ({ processInstanceKey: '2251799813685249', processDefinitionKey: '2251799813685200', bpmnProcessId: 'p', version: 1, tenantId: '<default>' }),
  activateJobs: () => [],
  publishMessage: () => ({ key: '2251799813685300', tenantId: '<default>' }),
  topology: () => ({ brokers: [], clusterSize: 1, partitionsCount: 1, replicationFactor: 1, gatewayVersion: '8.8.0' }),
  createWorker: () => ({ close: async () => null }),
};

const REST_DEFAULTS: Script<RestMethod> = {
  searchProcessInstances: () => ({ items: [], page: { totalItems: 0 } }),
  searchElementInstances: () => ({ items: [], page: { totalItems: 0 } }),
  searchVariables: () => ({ items: [], page: { totalItems: 0 } }),
  searchIncidents: () => ({ items: [], page: { totalItems: 0 } }),
  searchUserTasks: () => ({ items: [], page: { totalItems: 0 } }),
  searchUserTaskVariables: () => ({ items: [], page: { totalItems: 0 } }),
  getProcessInstance: () => Promise.reject(restError(404, 'NOT_FOUND')),
  getUserTask: () => Promise.reject(restError(404, 'NOT_FOUND')),
  correlateMessage: () => Promise.reject(restError(404, 'NOT_FOUND')),
};

export function fakeCamunda(script: { grpc?: Script<GrpcMethod>; rest?: Script<RestMethod> } = {}) {
  const calls: Call[] = [];
  const method = (client: Call['client'], name: string, impl: Impl | undefined) => (...args: unknown[]) => {
    calls.push({ client, method: name, args });
    const run = impl as ((...a: unknown[]) => unknown) | undefined;
    if (SYNC.has(name)) return run?.(...args);
    try {
      return Promise.resolve(run?.(...args));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const client = <K extends string>(name: Call['client'], defaults: Script<K>, scripted: Script<K> = {}) =>
    new Proxy(
      {},
      {
        // Not thenable, no symbols: only the SDK methods the adapter calls.
        get: (_target, key) => (typeof key === 'string' && key !== 'then' ? method(name, key, scripted[key as K] ?? defaults[key as K]) : undefined),
      },
    );
  return {
    grpc: client('grpc', GRPC_DEFAULTS, script.grpc) as ZeebeGrpc,
    rest: client('rest', REST_DEFAULTS, script.rest) as CamundaRest,
    calls,
    /** The arguments of each call to one method, in order. */
    argsOf: (name: GrpcMethod | RestMethod) => calls.filter((c) => c.method === name).map((c) => c.args),
  };
}
