import { randomUUID } from 'node:crypto';
import { DESIGNABLE_PROCESSES, type SessionUser } from '@kuaibao/domain';
import { summarizeChanges } from '@kuaibao/processes/checks';
import type { DeploymentRow } from '@kuaibao/db';
import type { ApiDeps } from '../deps';
import { AppError, bilingual } from '../errors/app-error';
import { assertDesigns } from './designer-access';
import { assertProcess, checkOrRefuse, currentSource, draftView, getDraft, shippedSource, staleRevision } from './process-design-service';

const versionNotFound = (bpmnProcessId: string, version: number) =>
  new AppError('NOT_FOUND', bilingual(`流程 ${bpmnProcessId} 没有第 ${version} 版`, `Process ${bpmnProcessId} has no version ${version}`));

export const deploymentView = (d: DeploymentRow) => ({
  version: d.version,
  comment: d.comment,
  deployedBy: d.deployedByName,
  deployedAt: d.deployedAt.toISOString(),
  rollbackOf: d.rollbackOf,
  changes: d.changes,
  findings: d.findings,
});

/**
 * Deploys `xml` as the jurisdiction's next version of the process, through the engine port in the jurisdiction's tenant:
 * checked first (400 unreadable, 422 with the findings when any is an error), then recorded with who, when, why, what
 * changed and what the checks found. The resource carries the deployment's id in a comment, so that deploying the
 * same content again (a rollback) is a new version on every engine, never the old definition returned.
 */
async function deploy(deps: ApiDeps, user: SessionUser, input: { jurisdiction: string; bpmnProcessId: string; xml: string; comment: string; draftId?: string; rollbackOf?: number }) {
  const { jurisdiction, bpmnProcessId, comment } = input;
  const checked = await checkOrRefuse(deps, input.xml, bpmnProcessId);
  if (checked.errors > 0) {
    throw new AppError('CHECKS_FAILED', bilingual(`流程检查发现 ${checked.errors} 个错误，不能部署`, `The checks found ${checked.errors} errors; the process was not deployed`), [], {
      findings: checked.findings,
    });
  }
  const before = await currentSource(deps, jurisdiction, bpmnProcessId);
  if (before.version === null) {
    // The jurisdiction's first own version: its v1 is the shipped default it ran so far, so a rollback can return to it.
    const baseline = await checkOrRefuse(deps, before.xml, bpmnProcessId);
    await engineDeploy(deps, user, { jurisdiction, bpmnProcessId, xml: before.xml, comment: BASELINE_COMMENT, changes: { added: [], removed: [], changed: [] }, findings: baseline.findings, byName: SYSTEM_NAME });
  }
  const changes = await summarizeChanges(before.xml, input.xml);
  const row = await engineDeploy(deps, user, { jurisdiction, bpmnProcessId, xml: input.xml, comment, changes, findings: checked.findings, draftId: input.draftId, rollbackOf: input.rollbackOf });
  console.log(`[api] ${user.username} deployed ${bpmnProcessId} v${row.version} for ${jurisdiction}${input.rollbackOf ? ` (rollback to v${input.rollbackOf})` : ''}`);
  return { jurisdiction, bpmnProcessId, ...deploymentView(row) };
}

const BASELINE_COMMENT = '出厂默认流程（processes/ 随版本发布），本辖区首次部署自有版本前所运行的流程';
const SYSTEM_NAME = '系统（出厂默认）';

/** One deployment through the engine port in the jurisdiction's tenant, recorded with its audit. */
async function engineDeploy(
  deps: ApiDeps,
  user: SessionUser,
  input: { jurisdiction: string; bpmnProcessId: string; xml: string; comment: string; changes: unknown; findings: unknown; draftId?: string | undefined; rollbackOf?: number | undefined; byName?: string },
): Promise<DeploymentRow> {
  const { jurisdiction, bpmnProcessId } = input;
  const id = randomUUID();
  const content = `${input.xml.trimEnd()}\n<!-- kuaibao designer deployment ${id} (${jurisdiction}) -->\n`;
  const resourceName = `${jurisdiction}/${DESIGNABLE_PROCESSES.find((p) => p.bpmnProcessId === bpmnProcessId)!.resourceName}`;
  const deployed = (await deps.engine.deploy([{ name: resourceName, content }], { tenantId: jurisdiction })).find((d) => d.bpmnProcessId === bpmnProcessId);
  if (!deployed) throw new AppError('ENGINE_UNAVAILABLE', bilingual('流程引擎未返回部署结果', 'The engine did not answer the deployment'));
  return deps.designs.recordDeployment({
    id,
    jurisdiction,
    bpmnProcessId,
    version: deployed.version,
    definitionKey: deployed.key,
    xml: input.xml,
    comment: input.comment,
    deployedBy: user.id,
    deployedByName: input.byName ?? user.displayName,
    deployedAt: deps.now(),
    draftId: input.draftId ?? null,
    rollbackOf: input.rollbackOf ?? null,
    changes: input.changes,
    findings: input.findings,
  });
}

/** Deploys a draft as saved at `revision` (409 if it was saved since). The draft stays, based on the new version. */
export async function deployDraft(deps: ApiDeps, user: SessionUser, draftId: string, input: { revision: number; comment: string }) {
  const draft = await getDraft(deps, user, draftId);
  if (draft.revision !== input.revision) throw await staleRevision(draft, draft.xml);
  return deploy(deps, user, { jurisdiction: draft.jurisdiction, bpmnProcessId: draft.bpmnProcessId, xml: draft.xml, comment: input.comment, draftId });
}

/** Rollback: an earlier version deployed again, as a new version number. */
export async function rollback(deps: ApiDeps, user: SessionUser, jurisdiction: string, bpmnProcessId: string, input: { version: number; comment: string }) {
  await assertDesigns(deps, user, jurisdiction);
  assertProcess(bpmnProcessId);
  const earlier = await deps.designs.deployment(jurisdiction, bpmnProcessId, input.version);
  if (!earlier) throw versionNotFound(bpmnProcessId, input.version);
  return deploy(deps, user, { jurisdiction, bpmnProcessId, xml: earlier.xml, comment: input.comment, rollbackOf: input.version });
}

/** The source of one deployed version; version 0 is the shipped default. */
export async function versionSource(deps: ApiDeps, user: SessionUser, jurisdiction: string, bpmnProcessId: string, version: number) {
  await assertDesigns(deps, user, jurisdiction);
  assertProcess(bpmnProcessId);
  if (version === 0) return { version: 0, xml: shippedSource(bpmnProcessId)!, deployment: null };
  const row = await deps.designs.deployment(jurisdiction, bpmnProcessId, version);
  if (!row) throw versionNotFound(bpmnProcessId, version);
  return { version, xml: row.xml, deployment: deploymentView(row) };
}

/** How many running instances of the process sit on each version in the jurisdiction's tenant. */
async function runningByVersion(deps: ApiDeps, jurisdiction: string, bpmnProcessId: string): Promise<Map<number, number>> {
  const running = await deps.engine.findInstances({ bpmnProcessId, state: 'active', limit: 10_000 });
  const counts = new Map<number, number>();
  for (const i of running.filter((r) => r.tenantId === jurisdiction)) counts.set(i.version, (counts.get(i.version) ?? 0) + 1);
  return counts;
}

/** 流程设计's list: per process, the deployed version (who, when, why), every version with its running reports, the open drafts. */
export async function listProcesses(deps: ApiDeps, user: SessionUser, jurisdiction: string) {
  await assertDesigns(deps, user, jurisdiction);
  const [deployments, drafts] = await Promise.all([deps.designs.deployments(jurisdiction), deps.designs.drafts(jurisdiction)]);
  const processes = await Promise.all(
    DESIGNABLE_PROCESSES.map(async ({ bpmnProcessId }) => {
      const versions = deployments.filter((d) => d.bpmnProcessId === bpmnProcessId);
      const running = await runningByVersion(deps, jurisdiction, bpmnProcessId);
      const name = /<bpmn:process [^>]*name="([^"]*)"/.exec(versions[0]?.xml ?? shippedSource(bpmnProcessId)!)?.[1] ?? bpmnProcessId;
      return {
        bpmnProcessId,
        name,
        deployed: versions[0] ? deploymentView(versions[0]) : null,
        versions: versions.map((v) => ({ ...deploymentView(v), running: running.get(v.version) ?? 0 })),
        drafts: drafts
          .filter((d) => d.bpmnProcessId === bpmnProcessId)
          .map(({ xml: _xml, ...d }) => {
            const view = draftView({ ...d, xml: '' });
            return { id: view.id, name: view.name, revision: view.revision, baseVersion: view.baseVersion, updatedBy: view.updatedBy, updatedAt: view.updatedAt, errors: view.findings.filter((f) => f.category === 'error').length };
          }),
      };
    }),
  );
  return { jurisdiction, processes };
}
