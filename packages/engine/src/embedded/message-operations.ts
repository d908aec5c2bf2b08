import { EngineError } from '../errors';
import type { PublishMessageInput } from '../types';
import type { StepRunner } from './step-runner';

/**
 * Message correlation: a published message is delivered to every instance subscribed with its name and
 * correlation key, or buffered for its time to live when none waits.
 */
export async function publishMessage(runner: StepRunner, input: PublishMessageInput): Promise<{ key: string; correlated: boolean }> {
  const { store } = runner;
  const tenantId = input.tenantId ?? runner.tenantId;
  const now = new Date(runner.clock());
  if (input.messageId && (await store.findBufferedMessageById(tenantId, input.messageId, now))) {
    throw new EngineError('INVALID_STATE', `A message with id ${input.messageId} is already published`, { messageId: input.messageId });
  }
  const key = runner.key();
  const query = { tenantId, messageName: input.name, correlationKey: input.correlationKey };
  const subscriptions = await store.findSubscriptions(query);
  let correlated = false;
  const byInstance = new Map(subscriptions.map((s) => [s.instanceKey, s]));
  for (const subscription of byInstance.values()) {
    const target = { elementId: subscription.elementId, elementInstance: subscription.elementInstance, jobKey: null };
    const delivered = await runner
      .step(subscription.instanceKey, target, async (runtime, _record, tx) => {
        const still = (await tx.findSubscriptions(query)).find((s) => s.instanceKey === subscription.instanceKey);
        if (!still) return false;
        await runtime.signal(still.elementInstance, still.elementId, input.variables ?? {});
        return true;
      })
      .catch((error: unknown) => {
        if (error instanceof EngineError && error.code !== 'STEP_FAILED') return false;
        throw error;
      });
    correlated ||= delivered;
  }
  if (!correlated && (input.timeToLiveMs ?? 0) > 0) {
    await store.insertMessage({
      key,
      name: input.name,
      correlationKey: input.correlationKey,
      tenantId,
      messageId: input.messageId ?? null,
      variables: input.variables ?? {},
      expiresAt: new Date(now.getTime() + input.timeToLiveMs!),
    });
  }
  return { key, correlated };
}
