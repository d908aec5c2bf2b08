import { complete } from '@kuaibao/engine';
import { effectKey, withVariables, type Handler } from '../handler';
import { clockEvidence } from './clock-evidence';
import { clockJobSchema } from './clock-variables';
import { SYSTEM_ACTOR, type HandlerDeps } from './deps';

/**
 * The signed report is about to go out (报出): every clock still open ends now — met, or 迟报 when past its
 * deadline (a written report arriving first meets the phone clock too). A late delivery is recorded with
 * its evidence (`report.delivered_late`: deadline, rule, policy code and version, actual time).
 */
export function settleClocksHandler(deps: HandlerDeps): Handler {
  return withVariables(clockJobSchema, async (variables, job) => {
    const at = deps.now();
    return complete(
      undefined,
      deps.writes(async ({ clocks, audit }) => {
        for (const clock of await clocks.forReport(variables.reportId)) {
          const settled = await clocks.settle(variables.reportId, clock.channel, at, 'written_report');
          const outcome = settled ?? (clock.metBy === 'written_report' && clock.metAt ? clock : null); // a re-delivered job re-writes its audit entry
          if (!outcome?.metAt) continue;
          await audit.append({
            incidentNumber: variables.incidentNumber, reportId: variables.reportId, actorName: SYSTEM_ACTOR,
            action: outcome.status === 'late' ? 'report.delivered_late' : 'clock.met',
            detail: clockEvidence(outcome, outcome.metAt), dedupeKey: effectKey(job, `settled-${clock.channel}`), at,
          });
        }
      }),
    );
  });
}
