import type { Prisma, PrismaClient } from '@prisma/client';
import { preparedClient } from '../prepared-client';

export interface DraftRow {
  id: string;
  jurisdiction: string;
  bpmnProcessId: string;
  name: string;
  xml: string;
  revision: number;
  baseVersion: number | null;
  findings: unknown;
  createdBy: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface DeploymentRow {
  id: string;
  jurisdiction: string;
  bpmnProcessId: string;
  version: number;
  definitionKey: string;
  xml: string;
  comment: string;
  deployedBy: string;
  deployedByName: string;
  deployedAt: Date;
  draftId: string | null;
  rollbackOf: number | null;
  changes: unknown;
  findings: unknown;
}

export type NewDraft = Omit<DraftRow, 'createdAt' | 'updatedAt' | 'revision'>;
export type NewDeployment = Omit<DeploymentRow, 'deployedAt'> & { deployedAt: Date };

const json = (value: unknown) => value as Prisma.InputJsonValue;

/** Process drafts and deployments of the designer (docs/adr/0036): drafts carry a revision, deployments are append-only. */
export function createProcessDesignRepository(prisma: PrismaClient) {
  const raw = preparedClient(prisma);
  return {
    drafts: (jurisdiction: string): Promise<DraftRow[]> =>
      prisma.processDraft.findMany({ where: { jurisdiction }, orderBy: [{ updatedAt: 'desc' }] }),

    draft: (id: string): Promise<DraftRow | null> => prisma.processDraft.findUnique({ where: { id } }),

    createDraft: (draft: NewDraft, at: Date): Promise<DraftRow> =>
      prisma.processDraft.create({ data: { ...draft, findings: json(draft.findings), revision: 1, createdAt: at, updatedAt: at } }),

    /** Saves over `revision` only: null when someone saved since (the caller answers 409 with the stored draft). */
    async saveDraft(id: string, revision: number, change: { xml: string; name: string; findings: unknown; updatedBy: string }, at: Date): Promise<DraftRow | null> {
      const { count } = await prisma.processDraft.updateMany({
        where: { id, revision },
        data: { ...change, findings: json(change.findings), revision: revision + 1, updatedAt: at },
      });
      return count === 1 ? prisma.processDraft.findUnique({ where: { id } }) : null;
    },

    deleteDraft: async (id: string): Promise<void> => {
      await prisma.processDraft.deleteMany({ where: { id } });
    },

    deployments: (jurisdiction: string, bpmnProcessId?: string): Promise<DeploymentRow[]> =>
      prisma.processDeployment.findMany({
        where: { jurisdiction, ...(bpmnProcessId && { bpmnProcessId }) },
        orderBy: [{ bpmnProcessId: 'asc' }, { version: 'desc' }],
      }),

    deployment: (jurisdiction: string, bpmnProcessId: string, version: number): Promise<DeploymentRow | null> =>
      prisma.processDeployment.findUnique({ where: { jurisdiction_bpmnProcessId_version: { jurisdiction, bpmnProcessId, version } } }),

    latestDeployment: (jurisdiction: string, bpmnProcessId: string): Promise<DeploymentRow | null> =>
      prisma.processDeployment.findFirst({ where: { jurisdiction, bpmnProcessId }, orderBy: { version: 'desc' } }),

    /** The jurisdictions that deployed a process of their own, for the start of a report (its tenant). */
    async jurisdictionsWith(bpmnProcessId: string, jurisdictions: readonly string[]): Promise<string[]> {
      // Asked on every submit (its tenant): marked, prepared on the driver (docs/adr/0068).
      const rows = await raw.$queryRaw<{ jurisdiction: string }[]>`/* prepared */
        SELECT DISTINCT jurisdiction FROM process_deployment WHERE bpmn_process_id = ${bpmnProcessId} AND jurisdiction = ANY(${[...jurisdictions]}::text[])`;
      return rows.map((r) => r.jurisdiction);
    },

    recordDeployment: (deployment: NewDeployment): Promise<DeploymentRow> =>
      prisma.processDeployment.create({ data: { ...deployment, changes: json(deployment.changes), findings: json(deployment.findings) } }),
  };
}

export type ProcessDesignRepository = ReturnType<typeof createProcessDesignRepository>;
