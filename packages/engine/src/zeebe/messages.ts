import type { PublishMessageInput } from '../types';
import { call, isNotFound, toEngineError } from './errors';
import { tenantArg } from './mapping';
import { restKey } from './rest-keys';
import { jsonDoc, type CamundaRest, type ZeebeGrpc } from './sdk';

/**
 * Publishes a message so that the port can say whether it correlated:
 * - without a message id, first the REST correlation (it correlates now, and tells which instance;
 *   404 when no subscription waits); when nothing waited, the gRPC publish buffers it for its TTL;
 * - with a message id (idempotent publishing), only the gRPC publish, which rejects a duplicate
 *   while the first is buffered; `correlated` is then false: not known, not "did not".
 */
export async function publishMessage(grpc: ZeebeGrpc, rest: CamundaRest, input: PublishMessageInput, tenantId: string) {
  const subject = `Message ${input.name} (${input.correlationKey})`;
  const tenant = tenantArg(tenantId);
  if (input.messageId === undefined) {
    try {
      const correlated = await rest.correlateMessage({
        name: input.name,
        correlationKey: input.correlationKey,
        variables: input.variables ?? {},
        ...(tenant.tenantId && { tenantId: restKey.tenant(tenant.tenantId) }),
      });
      return { key: String(correlated.messageKey), correlated: true };
    } catch (error) {
      if (!isNotFound(error)) throw toEngineError(error, { kind: 'lookup', subject });
    }
  }
  const published = await call({ kind: 'command', subject }, () =>
    grpc.publishMessage({
      name: input.name,
      correlationKey: input.correlationKey,
      variables: jsonDoc(input.variables ?? {}),
      timeToLive: input.timeToLiveMs ?? 0,
      ...(input.messageId !== undefined && { messageId: input.messageId }),
      ...tenant,
    }),
  );
  return { key: String(published.key), correlated: false };
}
