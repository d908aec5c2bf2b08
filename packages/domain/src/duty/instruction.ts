import { z } from 'zod';
import { EARLIEST_INSTANT } from '../fields';
import { dutyText, type DutyLocale } from './duty-labels';

/**
 * 领导批示 (002 一（六）: "值班人员应立即……传达到事发地人民政府和有关部门，做好相关记录，并及时将落实情况……反馈"): the duty
 * office records who instructed what and when, names the units that must carry it out and by when.
 */
export function makeInstructionSchema(locale: DutyLocale = 'zh-CN', now: () => Date = () => new Date(), toleranceMs = 5 * 60_000) {
  const t = dutyText(locale);
  const instant = (field: 'instructedAt' | 'dueAt') =>
    z
      .string(t.required(field))
      .pipe(z.iso.datetime({ offset: true, ...t.instant(field) }))
      .transform((value) => new Date(value))
      .refine((d) => d.getTime() >= EARLIEST_INSTANT.getTime(), t.instant(field));
  return z
    .strictObject({
      instructingLeader: z.string(t.required('instructingLeader')).trim().min(1, t.required('instructingLeader')).max(64, t.tooLong('instructingLeader', 64)),
      instructedAt: instant('instructedAt').refine((d) => d.getTime() <= now().getTime() + toleranceMs, t.future('instructedAt')),
      text: z.string(t.required('text')).trim().min(1, t.required('text')).max(4000, t.tooLong('text', 4000)),
      unitIds: z
        .array(z.string().trim().min(1).max(64), t.required('unitIds'))
        .min(1, t.required('unitIds'))
        .max(20, t.tooMany('unitIds', 20))
        .refine((ids) => new Set(ids).size === ids.length, t.duplicate('unitIds')),
      dueAt: instant('dueAt'),
    })
    .superRefine((value, ctx) => {
      if (value.dueAt.getTime() <= value.instructedAt.getTime()) ctx.addIssue({ code: 'custom', path: ['dueAt'], message: t.after('dueAt', 'instructedAt').error });
    });
}
export const instructionSchema = makeInstructionSchema();
export type InstructionInput = z.infer<typeof instructionSchema>;

/** 落实情况: what the unit did about the instruction. */
export function makeInstructionResultSchema(locale: DutyLocale = 'zh-CN') {
  const t = dutyText(locale);
  return z.strictObject({ result: z.string(t.required('result')).trim().min(1, t.required('result')).max(4000, t.tooLong('result', 4000)) });
}

/** A named unit's progress: relayed (awaiting 签收), acknowledged, carried out (in time or late). */
export type InstructionUnitStage = 'relayed' | 'acknowledged' | 'done';

/**
 * The 落实 clock of one unit, told as the report clocks are (open / met / late, overdue while open past the deadline):
 * the dossier and the duty pages read it the same way.
 */
export interface InstructionClock {
  dueAt: string;
  status: 'open' | 'met' | 'late';
  overdue: boolean;
  metAt: string | null;
}

export function instructionClock(dueAt: Date, doneAt: Date | null, now: Date): InstructionClock {
  if (doneAt) return { dueAt: dueAt.toISOString(), status: doneAt.getTime() <= dueAt.getTime() ? 'met' : 'late', overdue: false, metAt: doneAt.toISOString() };
  return { dueAt: dueAt.toISOString(), status: 'open', overdue: now.getTime() > dueAt.getTime(), metAt: null };
}

/**
 * When to send the 催办 before a 落实 deadline (as the report clocks remind before theirs): half-way from the relay to
 * the deadline, but never earlier than an hour before it — a deadline days away is reminded of an hour ahead, one an
 * hour away half-way there. A relay after the deadline gives an instant already past (the reminder fires at once and finds it overdue).
 */
export function instructionRemindAt(relayedAt: Date, dueAt: Date): Date {
  const halfWay = relayedAt.getTime() + (dueAt.getTime() - relayedAt.getTime()) / 2;
  return new Date(Math.max(halfWay, dueAt.getTime() - 60 * 60_000));
}

export function instructionStage(row: { acknowledgedAt: Date | null; doneAt: Date | null }): InstructionUnitStage {
  if (row.doneAt) return 'done';
  return row.acknowledgedAt ? 'acknowledged' : 'relayed';
}

/** What a named unit may do next: 签收 first, then report 落实情况 once; nothing after. */
export function nextInstructionStep(row: { acknowledgedAt: Date | null; doneAt: Date | null }): 'acknowledge' | 'report' | null {
  const stage = instructionStage(row);
  return stage === 'relayed' ? 'acknowledge' : stage === 'acknowledged' ? 'report' : null;
}

/** One named unit's 落实 counts over a period (the statistics of 领导批示, issue 23). */
export interface InstructionTally {
  unitId: string;
  /** instructions naming the unit */
  named: number;
  /** 落实情况 reported by the deadline */
  met: number;
  /** reported after the deadline (逾期落实) */
  late: number;
  /** not reported and the deadline passed (逾期未落实): counted against the unit like a 漏报 */
  overdue: number;
  /** not reported, deadline still ahead */
  open: number;
}

/**
 * Counts per named unit, each unit's 落实 read by `instructionClock` (the clock the dossier shows), in the order the
 * units first appear.
 */
export function tallyInstructions(rows: readonly { dueAt: Date; units: readonly { unitId: string; doneAt: Date | null }[] }[], now: Date): InstructionTally[] {
  const byUnit = new Map<string, InstructionTally>();
  for (const row of rows) {
    for (const unit of row.units) {
      const tally = byUnit.get(unit.unitId) ?? { unitId: unit.unitId, named: 0, met: 0, late: 0, overdue: 0, open: 0 };
      byUnit.set(unit.unitId, tally);
      tally.named++;
      const clock = instructionClock(row.dueAt, unit.doneAt, now);
      if (clock.status === 'met') tally.met++;
      else if (clock.status === 'late') tally.late++;
      else if (clock.overdue) tally.overdue++;
      else tally.open++;
    }
  }
  return [...byUnit.values()];
}
