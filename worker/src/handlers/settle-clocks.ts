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
    const party = variables.clockParty;
    // The province's own clock is met by its report to the State Council (docs/adr/0057), the unit's by the report going out.
    const by = party === 'province' ? 'state_council_report' : 'written_report';
    return complete(
      undefined,
      deps.writes(async ({ clocks, audit }) => {
        for (const clock of await clocks.forReport(variables.reportId, party)) {
          const settled = await clocks.settle(variables.reportId, clock.channel, at, by, party);
          const outcome = settled ?? (clock.metBy === by && clock.metAt ? clock : null); // a re-delivered job re-writes its audit entry
          if (!outcome?.metAt) continue;
          await audit.append({
            incidentNumber: variables.incidentNumber, reportId: variables.reportId, actorName: SYSTEM_ACTOR,
            action: outcome.status === 'late' ? 'report.delivered_late' : 'clock.met',
            detail: { ...clockEvidence(outcome, outcome.metAt), ...(party !== 'reporting_unit' && { party, unitId: outcome.unitId }) }, dedupeKey: effectKey(job, `settled-${clock.channel}`), at,
          });
        }
      }),
    );
  });
}
