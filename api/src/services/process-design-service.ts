import { randomUUID } from 'node:crypto';
import { DESIGNABLE_PROCESSES, isDesignableProcess, type DesignableProcessId, type SessionUser } from '@kuaibao/domain';
import { processResources } from '@kuaibao/processes';
import { checkBpmn, summarizeChanges, type Finding } from '@kuaibao/processes/checks';
import type { DraftRow } from '@kuaibao/db';
import type { ApiDeps } from '../deps';
import { AppError, bilingual } from '../errors/app-error';
import { assertDesigns } from './designer-access';

/** The shipped file of each designable process: what every jurisdiction runs until it deploys its own. */
const shipped = new Map(
  processResources().flatMap((r) => {
    const process = DESIGNABLE_PROCESSES.find((p) => p.resourceName === r.name);
    return process ? [[process.bpmnProcessId, r.content] as const] : [];
  }),
);

export const shippedSource = (bpmnProcessId: string): string | undefined => shipped.get(bpmnProcessId as DesignableProcessId);

const draftNotFound = (id: string) => new AppError('NOT_FOUND', bilingual(`草稿 ${id} 不存在或无权访问`, `Draft ${id} not found`));

export function assertProcess(bpmnProcessId: string): void {
  if (!isDesignableProcess(bpmnProcessId)) throw new AppError('NOT_FOUND', bilingual(`流程 ${bpmnProcessId} 不存在`, `Process ${bpmnProcessId} not found`));
}

/** The server's check: 400 naming the problem (nothing is stored), else the findings (errors block deploy only). */
export async function checkOrRefuse(deps: ApiDeps, xml: string, bpmnProcessId: string): Promise<{ name: string; findings: Finding[]; errors: number }> {
  const unitIds = (await deps.orgUnits.all()).map((u) => u.id);
  const result = await checkBpmn(xml, bpmnProcessId, { unitIds });
  if (!result.ok) {
    const { problem } = result;
    throw new AppError('VALIDATION_FAILED', bilingual(problem.zh, problem.en), [{ path: 'xml', message: bilingual(problem.zh, problem.en) }], {
      problem: problem.code,
      ...(problem.elementId && { elementId: problem.elementId }),
    });
  }
  return { name: result.processName, findings: result.findings, errors: result.errors };
}

/** The newest source of a jurisdiction's process: its latest deployment, else the shipped file. */
export async function currentSource(deps: ApiDeps, jurisdiction: string, bpmnProcessId: string): Promise<{ xml: string; version: number | null }> {
  const latest = await deps.designs.latestDeployment(jurisdiction, bpmnProcessId);
  return latest ? { xml: latest.xml, version: latest.version } : { xml: shippedSource(bpmnProcessId)!, version: null };
}

export const draftView = (d: DraftRow) => ({
  id: d.id,
  jurisdiction: d.jurisdiction,
  bpmnProcessId: d.bpmnProcessId,
  name: d.name,
  xml: d.xml,
  revision: d.revision,
  baseVersion: d.baseVersion,
  findings: d.findings as Finding[],
  updatedBy: d.updatedBy,
  updatedAt: d.updatedAt.toISOString(),
});

/** A new draft from the given XML, or from the process as the jurisdiction runs it now. */
export async function createDraft(deps: ApiDeps, user: SessionUser, jurisdiction: string, bpmnProcessId: string, xml?: string) {
  await assertDesigns(deps, user, jurisdiction);
  assertProcess(bpmnProcessId);
  const current = await currentSource(deps, jurisdiction, bpmnProcessId);
  const source = xml ?? current.xml;
  const checked = await checkOrRefuse(deps, source, bpmnProcessId);
  const draft = await deps.designs.createDraft(
    { id: randomUUID(), jurisdiction, bpmnProcessId, name: checked.name, xml: source, baseVersion: current.version, findings: checked.findings, createdBy: user.displayName, updatedBy: user.displayName },
    deps.now(),
  );
  return draftView(draft);
}

/** A draft the user may design (404 otherwise, whether it exists or not). */
export async function getDraft(deps: ApiDeps, user: SessionUser, id: string): Promise<DraftRow> {
  const draft = await deps.designs.draft(id);
  if (!draft) throw draftNotFound(id);
  try {
    await assertDesigns(deps, user, draft.jurisdiction);
  } catch {
    throw draftNotFound(id);
  }
  return draft;
}

/** 409 for a save or deploy over a revision someone else saved since: with their revision, name, time and the changes. */
export async function staleRevision(draft: DraftRow, xml: string): Promise<AppError> {
  const changes = await summarizeChanges(xml, draft.xml).catch(() => null);
  return new AppError(
    'CONFLICT',
    bilingual(`草稿已被${draft.updatedBy}于 ${draft.updatedAt.toISOString()} 保存（第 ${draft.revision} 版），请先查看其修改`, `The draft was saved by ${draft.updatedBy} at ${draft.updatedAt.toISOString()} (revision ${draft.revision}); review the changes first`),
    [],
    { current: { revision: draft.revision, updatedBy: draft.updatedBy, updatedAt: draft.updatedAt.toISOString(), xml: draft.xml }, changes },
  );
}

/** Saves a draft over the revision the editor loaded; the second of two concurrent saves gets 409 with what changed. */
export async function saveDraft(deps: ApiDeps, user: SessionUser, id: string, input: { xml: string; revision: number }) {
  const draft = await getDraft(deps, user, id);
  if (draft.revision !== input.revision) throw await staleRevision(draft, input.xml);
  const checked = await checkOrRefuse(deps, input.xml, draft.bpmnProcessId);
  const saved = await deps.designs.saveDraft(id, input.revision, { xml: input.xml, name: checked.name, findings: checked.findings, updatedBy: user.displayName }, deps.now());
  if (!saved) throw await staleRevision((await deps.designs.draft(id)) ?? draft, input.xml);
  return draftView(saved);
}

export async function deleteDraft(deps: ApiDeps, user: SessionUser, id: string): Promise<void> {
  await getDraft(deps, user, id);
  await deps.designs.deleteDraft(id);
}
