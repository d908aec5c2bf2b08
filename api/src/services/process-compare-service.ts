import type { SessionUser } from '@kuaibao/domain';
import { compareVersions } from '@kuaibao/processes/checks';
import type { ApiDeps } from '../deps';
import { AppError, bilingual } from '../errors/app-error';
import { assertDesigns } from './designer-access';
import { assertProcess, currentSource, getDraft } from './process-design-service';
import { versionSource } from './process-deploy-service';

/**
 * A side of a comparison: `deployed` (the version new reports start on, else the shipped default), `v<n>` (a deployed
 * version; v0 the shipped default) or `draft:<id>` (a draft of the same process and jurisdiction).
 */
async function sideOf(deps: ApiDeps, user: SessionUser, jurisdiction: string, bpmnProcessId: string, ref: string) {
  if (ref === 'deployed') {
    const current = await currentSource(deps, jurisdiction, bpmnProcessId);
    return { ref, version: current.version ?? 0, xml: current.xml };
  }
  if (ref.startsWith('draft:')) {
    const draft = await getDraft(deps, user, ref.slice('draft:'.length));
    if (draft.jurisdiction !== jurisdiction || draft.bpmnProcessId !== bpmnProcessId) {
      throw new AppError('NOT_FOUND', bilingual(`草稿 ${draft.id} 不属于流程 ${bpmnProcessId}`, `Draft ${draft.id} is not a draft of ${bpmnProcessId}`));
    }
    return { ref, version: null, xml: draft.xml, revision: draft.revision };
  }
  const { version, xml } = await versionSource(deps, user, jurisdiction, bpmnProcessId, Number(ref.slice(1)));
  return { ref, version, xml };
}

/** Two versions of a jurisdiction's process (drafts, deployed versions, the shipped default), their XML and their differences. */
export async function compareProcess(deps: ApiDeps, user: SessionUser, jurisdiction: string, bpmnProcessId: string, from: string, to: string) {
  await assertDesigns(deps, user, jurisdiction);
  assertProcess(bpmnProcessId);
  const [before, after] = await Promise.all([sideOf(deps, user, jurisdiction, bpmnProcessId, from), sideOf(deps, user, jurisdiction, bpmnProcessId, to)]);
  return { from: before, to: after, changes: await compareVersions(before.xml, after.xml) };
}
