import type { PrismaClient } from '@prisma/client';
import { appendAudit } from './audit';

export interface NewInstruction {
  id: string;
  incidentNumber: string;
  instructingLeader: string;
  instructedAt: Date;
  text: string;
  dueAt: Date;
  unitIds: string[];
  relayedByUnitId: string;
  relayedById: string;
  relayedByName: string;
  relayedAt: Date;
}

/** The incident's trail entry of a step (in the step's transaction): who did it, from where. */
export interface InstructionActor {
  id: string;
  name: string;
  ip: string | null;
}

/** 领导批示 (`leader_instruction`, `leader_instruction_unit`): every write with its entry in the incident's trail. */
export function createLeaderInstructionRepository(prisma: PrismaClient) {
  return {
    async relay(data: NewInstruction, actor: InstructionActor, unitNames: Record<string, string>) {
      const { unitIds, ...instruction } = data;
      await prisma.$transaction(async (tx) => {
        await tx.leaderInstruction.create({ data: { ...instruction, units: { create: unitIds.map((unitId) => ({ unitId })) } } });
        await appendAudit(tx, {
          incidentNumber: data.incidentNumber, actorId: actor.id, actorName: actor.name, action: 'instruction.relayed', ip: actor.ip, at: data.relayedAt,
          detail: { instructionId: data.id, instructingLeader: data.instructingLeader, text: data.text, dueAt: data.dueAt.toISOString(), units: unitIds.map((id) => ({ id, name: unitNames[id] ?? id })) },
        });
      });
    },

    get: (id: string) => prisma.leaderInstruction.findUnique({ where: { id }, include: { units: { orderBy: { unitId: 'asc' } } } }),

    forIncident: (incidentNumber: string) =>
      prisma.leaderInstruction.findMany({ where: { incidentNumber }, include: { units: { orderBy: { unitId: 'asc' } } }, orderBy: { relayedAt: 'asc' } }),

    /** The instructions naming any of `unitIds`, newest first (a unit's 待落实 list). */
    forUnits: (unitIds: readonly string[], limit = 200) =>
      prisma.leaderInstruction.findMany({ where: { units: { some: { unitId: { in: [...unitIds] } } } }, include: { units: { orderBy: { unitId: 'asc' } } }, orderBy: { relayedAt: 'desc' }, take: limit }),

    /** The instructions a duty office relayed, newest first. */
    relayedBy: (unitIds: readonly string[], limit = 200) =>
      prisma.leaderInstruction.findMany({ where: { relayedByUnitId: { in: [...unitIds] } }, include: { units: { orderBy: { unitId: 'asc' } } }, orderBy: { relayedAt: 'desc' }, take: limit }),

    /** The instructions a duty office relayed in [from, to) (the statistics of a period), oldest first. */
    relayedBetween: (unitId: string, from: Date, to: Date) =>
      prisma.leaderInstruction.findMany({
        where: { relayedByUnitId: unitId, relayedAt: { gte: from, lt: to } },
        select: { id: true, dueAt: true, units: { select: { unitId: true, doneAt: true }, orderBy: { unitId: 'asc' } } },
        orderBy: { relayedAt: 'asc' },
      }),

    /** 签收 by the unit: false when it was acknowledged already (a second click, another officer first). */
    async acknowledge(incidentNumber: string, instructionId: string, unitId: string, actor: InstructionActor, at: Date): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.leaderInstructionUnit.updateMany({ where: { instructionId, unitId, acknowledgedAt: null }, data: { acknowledgedAt: at, acknowledgedByName: actor.name } });
        if (count === 1) await appendAudit(tx, { incidentNumber, actorId: actor.id, actorName: actor.name, action: 'instruction.acknowledged', ip: actor.ip, at, detail: { instructionId, unitId } });
        return count === 1;
      });
    },

    /** 落实情况 from the unit (after its 签收): false when already reported or not acknowledged. */
    async reportDone(incidentNumber: string, instructionId: string, unitId: string, result: string, actor: InstructionActor, at: Date, late: boolean): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const { count } = await tx.leaderInstructionUnit.updateMany({
          where: { instructionId, unitId, acknowledgedAt: { not: null }, doneAt: null },
          data: { result, doneAt: at, doneByName: actor.name },
        });
        if (count === 1) await appendAudit(tx, { incidentNumber, actorId: actor.id, actorName: actor.name, action: 'instruction.carried_out', ip: actor.ip, at, detail: { instructionId, unitId, result, late } });
        return count === 1;
      });
    },
  };
}

export type LeaderInstructionRepository = ReturnType<typeof createLeaderInstructionRepository>;
