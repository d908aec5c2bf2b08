import type { LeaderInstructionRepository } from '@kuaibao/db';
import type { NotifyTarget } from '../notify/notifier';
import { onDutyTargets } from '../notify/on-duty';
import type { HandlerDeps } from './deps';

export type Instruction = NonNullable<Awaited<ReturnType<LeaderInstructionRepository['get']>>>;
type InstructionUnit = Instruction['units'][number];

/**
 * Who hears about the named units still open on a 领导批示 (the 催办 before its 落实 deadline and the 督办 after it, ADR
 * 0061): their names, for the text and the trail, and the recipients — each open unit's leaders and whoever is on
 * duty at the duty office that relayed it (its roster now, else all its duty officers), each person once.
 */
export async function instructionNotice(deps: HandlerDeps, instruction: Instruction, open: readonly InstructionUnit[]) {
  const names = new Map((await deps.orgUnits.all()).map((u) => [u.id, u.name]));
  const targets = new Map<string, NotifyTarget>();
  const add = (people: readonly NotifyTarget[]) => people.forEach((p) => targets.has(p.id) || targets.set(p.id, { id: p.id, displayName: p.displayName, phone: p.phone }));
  for (const unit of open) add(await deps.users.withRole(unit.unitId, 'leader'));
  const relayer = instruction.relayedByUnitId;
  add((await onDutyTargets({ users: deps.users, roster: deps.roster, now: deps.now }, relayer, 'officers')) ?? (await deps.users.withRole(relayer, 'duty_officer')));
  return {
    units: open.map((u) => ({ id: u.unitId, name: names.get(u.unitId) ?? u.unitId, acknowledged: u.acknowledgedAt !== null })),
    targets: [...targets.values()],
    /** the instruction's first words, for a text that must stay short */
    gist: instruction.text.length > 30 ? `${instruction.text.slice(0, 30)}…` : instruction.text,
  };
}
