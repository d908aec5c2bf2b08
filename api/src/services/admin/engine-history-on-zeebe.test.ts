import { describe, expect, it } from 'vitest';
import type { ApiDeps } from '../../deps';
import type { ProcessCatalog } from '../process-catalog';
import { elementDurations } from './element-durations-service';
import { instanceJobs } from './instance-jobs-service';

/**
 * On Zeebe the element-instance history and the jobs are in its exporters, not in kuaibao's database: both answers say
 * so (501 with the reason) before reading anything — the engine and the rows are never asked, so none is given here.
 */
describe('time per element and all jobs on Zeebe', () => {
  const onZeebe = { config: { zeebe: { address: 'zeebe:26500' } } } as unknown as ApiDeps;
  const never = new Proxy({}, { get: () => { throw new Error('asked the engine or the rows on Zeebe'); } });
  const deps = { ...onZeebe, engine: never, engineHistory: never, now: () => new Date() } as unknown as ApiDeps;

  it('answers NOT_ON_THIS_ENGINE (501) saying where the history is', async () => {
    await expect(elementDurations(deps, '1', { days: 30 })).rejects.toMatchObject({ code: 'NOT_ON_THIS_ENGINE', text: { 'zh-CN': expect.stringContaining('Zeebe'), en: expect.stringContaining('exporters') } });
    await expect(instanceJobs(deps, {} as ProcessCatalog, '1')).rejects.toMatchObject({ code: 'NOT_ON_THIS_ENGINE', text: { en: expect.stringContaining('Failed jobs') } });
  });
});
