import { allFlowElements, is, label, type ModdleNode, type Reporter } from '../moddle-node';

/** The variables resolve-clock completes with: the report's `clocks`, and the province's own `provinceClocks` (ADR 0057). */
const POLICY_CLOCKS = /\b(clocks|provinceClocks)\./;

/**
 * Deadlines come from the jurisdiction's policy (docs/adr/0007, 0009): a timer's date, duration or cycle is a FEEL
 * expression over the clocks the policy resolved (`clocks.…`, `provinceClocks.…`), never a duration written into the diagram.
 */
export default function deadlineFromPolicy() {
  function check(node: ModdleNode, reporter: Reporter) {
    if (!is(node, 'bpmn:Process')) return;
    for (const event of allFlowElements(node)) {
      for (const timer of (event.eventDefinitions ?? []).filter((d) => is(d, 'bpmn:TimerEventDefinition'))) {
        const body = (timer.timeDate ?? timer.timeDuration ?? timer.timeCycle)?.body?.trim() ?? '';
        if (body.startsWith('=') && POLICY_CLOCKS.test(body)) continue;
        reporter.report(event.id!, `${label(event)}的计时器写死了「${body || '（空）'}」；时限必须来自政策（clocks.…）`);
      }
    }
  }
  return { check };
}
