import { EngineError, notFound } from '../errors';
import { jobTarget, type StepRunner } from './step-runner';

/**
 * Resolves an incident as Zeebe does: a job incident makes the job activatable again when it has
 * retries left (set them first with updateJobRetries), and raises a new incident when it has none.
 */
export async function resolveIncident(runner: StepRunner, incidentKey: string): Promise<void> {
  let posted: string | null = null;
  await runner.store.transaction(async (tx) => {
    const incident = await tx.getIncident(incidentKey);
    if (!incident) throw notFound('Incident', incidentKey);
    if (incident.state !== 'active') throw new EngineError('INVALID_STATE', `Incident ${incidentKey} is already resolved`);
    const now = new Date(runner.clock());
    await tx.resolveIncident(incidentKey, now);
    if (!incident.jobKey) return;
    const job = await tx.getJob(incident.jobKey);
    if (!job || job.state !== 'failed') return;
    if (job.retries > 0) {
      await tx.updateJob(job.key, { state: 'activatable', dueAt: now, worker: null, deadline: null });
      posted = job.type;
    } else {
      await tx.insertIncident(runner.incident(jobTarget(job), job.instanceKey, 'JOB_NO_RETRIES', job.errorMessage ?? 'No retries left'));
    }
  });
  if (posted) runner.announce([posted]);
}
