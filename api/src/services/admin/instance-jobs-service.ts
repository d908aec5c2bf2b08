import type { InstanceJob } from '@kuaibao/db';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual } from '../../errors/app-error';
import { isEngineKey } from '../engine-key';
import type { ProcessCatalog } from '../process-catalog';

/**
 * Every job of one instance, with its step's name (issue 22 item 2's "the jobs with retries and errors", docs/adr/0059).
 * The embedded engine's rows: on Zeebe the jobs are in its exporters, not in kuaibao's database (the failed ones still
 * show on the instance page through their incidents), so this is a 501 there.
 */
export async function instanceJobs(deps: Pick<ApiDeps, 'config' | 'engine' | 'engineHistory'>, catalog: ProcessCatalog, key: string): Promise<{ items: (InstanceJob & { elementName: string | null })[] }> {
  if (deps.config.zeebe) {
    throw new AppError('NOT_ON_THIS_ENGINE', bilingual(
      '全部作业只在内置引擎上列出：Zeebe 的作业记录在其导出器中，本系统不读取；失败的作业见“失败的作业”',
      'All jobs are listed on the embedded engine only: Zeebe keeps job records in its exporters, which kuaibao does not read; failed jobs show under "Failed jobs"',
    ));
  }
  const instance = isEngineKey(key) ? await deps.engine.getInstance(key) : null;
  if (!instance) throw new AppError('NOT_FOUND', bilingual(`流程实例 ${key} 不存在`, `Instance ${key} not found`));
  const jobs = await deps.engineHistory.jobsOf(key);
  return { items: jobs.map((j) => ({ ...j, elementName: catalog.elementName(instance.bpmnProcessId, j.elementId) })) };
}
