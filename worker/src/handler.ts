import type { ActivatedJob, JobOutcome, Variables } from '@kuaibao/engine';
import { fail } from '@kuaibao/engine';
import type { z } from 'zod';

/** What a handler knows of its job besides the variables: enough for idempotency keys and headers. */
export type JobContext = Pick<ActivatedJob, 'key' | 'type' | 'elementId' | 'elementInstanceKey' | 'instanceKey' | 'businessKey' | 'retries' | 'customHeaders'> &
  Partial<Pick<ActivatedJob, 'tenantId'>>;

/** A job handler: variables in, outcome out (complete, BPMN error, or fail). Runs on either engine. */
export type Handler = (variables: Variables, job: JobContext) => Promise<JobOutcome>;

/**
 * Validates the job's variables at the boundary. Invalid variables are a modelling or data error
 * that retrying cannot fix: the job fails with no retries, so an admin sees an incident at once.
 */
export function withVariables<S extends z.ZodType>(schema: S, run: (variables: z.infer<S>, job: JobContext) => Promise<JobOutcome>): Handler {
  return async (variables, job) => {
    const parsed = schema.safeParse(variables);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      return fail(`Invalid job variables for ${job.type}: ${issues}`, { retries: 0 });
    }
    return run(parsed.data, job);
  };
}

/** The idempotency key of a job's side effects: the element instance, stable across re-deliveries. */
export const effectKey = (job: JobContext, what: string) => `${job.instanceKey}:${job.elementInstanceKey}:${what}`;
