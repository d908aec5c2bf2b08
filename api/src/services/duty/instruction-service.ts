import { randomUUID } from 'node:crypto';
import { governmentOf, instructionClock, instructionRemindAt, instructionStage, isSubordinateOf, nextInstructionStep, PROCESS_IDS, type InstructionInput } from '@kuaibao/domain';
import type { SessionUser } from '../../auth/session-user';
import type { ApiDeps } from '../../deps';
import { AppError, bilingual, invalidField } from '../../errors/app-error';
import { canSee, visibilityOf } from '../visibility';
import { unitIndex } from './duty-context';

type InstructionRow = NonNullable<Awaited<ReturnType<ApiDeps['duty']['instructions']['get']>>>;

/** An instruction with each named unit's stage and 落实 clock, as the dossier and the duty pages show it. */
export function instructionView(row: InstructionRow, units: ReadonlyMap<string, { name: string }>, now: Date, title?: string) {
  return {
    id: row.id,
    incidentNumber: row.incidentNumber,
    ...(title !== undefined && { incidentTitle: title }),
    instructingLeader: row.instructingLeader,
    instructedAt: row.instructedAt.toISOString(),
    text: row.text,
    dueAt: row.dueAt.toISOString(),
    relayedBy: { unitId: row.relayedByUnitId, unitName: units.get(row.relayedByUnitId)?.name ?? row.relayedByUnitId, name: row.relayedByName, at: row.relayedAt.toISOString() },
    units: row.units.map((u) => ({
      unitId: u.unitId,
      unitName: units.get(u.unitId)?.name ?? u.unitId,
      stage: instructionStage(u),
      acknowledgedAt: u.acknowledgedAt?.toISOString() ?? null,
      acknowledgedBy: u.acknowledgedByName,
      result: u.result,
      doneAt: u.doneAt?.toISOString() ?? null,
      doneBy: u.doneByName,
      clock: instructionClock(row.dueAt, u.doneAt, now),
    })),
  };
}

/**
 * Records a leader's 批示 on an incident and relays it (002 一（六）): only a duty officer, on an incident they can see,
 * to units under their own government (the incident's unit, departments, the governments below).
 */
export async function relayInstruction(deps: ApiDeps, user: SessionUser, number: string, input: InstructionInput, ip: string | null) {
  const incident = await deps.incidents.get(number);
  if (!incident || !canSee(await visibilityOf(user, deps), incident)) throw new AppError('NOT_FOUND', bilingual(`事件 ${number} 不存在`, `Incident ${number} not found`));
  if (!user.roles.includes('duty_officer')) throw new AppError('FORBIDDEN', bilingual('只有值班员可以登记和传达领导批示', 'Only duty officers may record and relay leaders’ instructions'));
  const units = await unitIndex(deps);
  const government = governmentOf(units, user.unitId);
  input.unitIds.forEach((id, i) => {
    const unit = units.get(id);
    if (!unit || !unit.active) throw invalidField(`unitIds.${i}`, bilingual(`单位 ${id} 不存在或已停用`, `Unit ${id} does not exist or is inactive`));
    if (!government || !isSubordinateOf(units, id, government.id)) throw invalidField(`unitIds.${i}`, bilingual(`${unit.name}不在本级政府管辖范围内，不能向其传达`, `${unit.name} is not under your government`));
  });
  const now = deps.now();
  const id = randomUUID();
  // The 落实 clock's timer starts first: should the rows below fail, it fires on no instruction and ends quietly;
  // the other way round an instruction could stand without its deadline ever being marked (ADR 0061).
  await deps.engine.startInstance({ bpmnProcessId: PROCESS_IDS.leaderInstruction, businessKey: number, variables: { instructionId: id, incidentNumber: number, clocks: { instructionRemindAt: instructionRemindAt(now, input.dueAt).toISOString(), instructionDueAt: input.dueAt.toISOString() } } });
  await deps.duty.instructions.relay(
    { id, incidentNumber: number, ...input, relayedByUnitId: user.unitId, relayedById: user.id, relayedByName: user.displayName, relayedAt: now },
    { id: user.id, name: user.displayName, ip },
    Object.fromEntries(input.unitIds.map((u) => [u, units.get(u)?.name ?? u])),
  );
  return instructionView((await deps.duty.instructions.get(id))!, units, now);
}

/** 签收 or 落实情况 by a named unit's people (any of its 值班员, 领导, 信息员, 核实人 may act for it). */
export async function actOnInstruction(deps: ApiDeps, user: SessionUser, id: string, unitId: string, action: { kind: 'acknowledge' } | { kind: 'report'; result: string }, ip: string | null) {
  const row = await deps.duty.instructions.get(id);
  const named = row?.units.find((u) => u.unitId === unitId);
  if (!row || !named || (user.unitId !== unitId && user.unitId !== row.relayedByUnitId)) throw new AppError('NOT_FOUND', bilingual('领导批示不存在', 'Instruction not found'));
  if (user.unitId !== unitId) throw new AppError('FORBIDDEN', bilingual('只有被传达的单位可以签收和反馈落实情况', 'Only the named unit may acknowledge and report how it carried the instruction out'));
  const next = nextInstructionStep(named);
  const now = deps.now();
  const actor = { id: user.id, name: user.displayName, ip };
  if (action.kind === 'acknowledge') {
    if (next !== 'acknowledge' || !(await deps.duty.instructions.acknowledge(row.incidentNumber, id, unitId, actor, now))) {
      throw new AppError('CONFLICT', bilingual('本单位已签收该批示', 'Your unit has already acknowledged this instruction'));
    }
  } else {
    if (next === 'acknowledge') throw new AppError('CONFLICT', bilingual('请先签收批示，再反馈落实情况', 'Acknowledge the instruction before reporting how it was carried out'));
    const late = now.getTime() > row.dueAt.getTime();
    if (next !== 'report' || !(await deps.duty.instructions.reportDone(row.incidentNumber, id, unitId, action.result, actor, now, late))) {
      throw new AppError('CONFLICT', bilingual('本单位已反馈落实情况', 'Your unit has already reported how it was carried out'));
    }
  }
  return instructionView((await deps.duty.instructions.get(id))!, await unitIndex(deps), now);
}

/** The caller's unit's instructions: those to carry out (named), and those it relayed. */
export async function myInstructions(deps: ApiDeps, user: SessionUser) {
  const [units, toCarryOut, relayed] = await Promise.all([unitIndex(deps), deps.duty.instructions.forUnits([user.unitId]), deps.duty.instructions.relayedBy([user.unitId])]);
  const now = deps.now();
  const numbers = [...new Set([...toCarryOut, ...relayed].map((r) => r.incidentNumber))];
  const titles = new Map<string, string>();
  for (const n of numbers) titles.set(n, (await deps.incidents.get(n))?.title ?? n);
  return {
    toCarryOut: toCarryOut.map((r) => instructionView(r, units, now, titles.get(r.incidentNumber))),
    relayed: relayed.map((r) => instructionView(r, units, now, titles.get(r.incidentNumber))),
  };
}
