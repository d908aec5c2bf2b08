import { flowGraph } from '../flow-graph';
import { is, label, type ModdleNode, type Reporter } from '../moddle-node';
import { isDispatchTo, isSignOff } from './step-kinds';

const toSuperior = isDispatchTo('superiorDepartment');
const toGovernment = isDispatchTo('sameLevelGovernment');

/**
 * 双重上报 (000, 002, 003: "统一时间、统一口径、统一内容"): after 审签 the report reaches the superior department AND the
 * same-level government, on two branches of one parallel gateway, not one after the other or one instead of the other.
 * Applies to flows that dispatch to either of them.
 */
export default function dualReportingInParallel() {
  function check(node: ModdleNode, reporter: Reporter) {
    if (!is(node, 'bpmn:Process')) return;
    const graph = flowGraph(node);
    if (!graph.nodes.some((n) => toSuperior(n) || toGovernment(n))) return;
    for (const signOff of graph.nodes.filter(isSignOff)) {
      const forks = graph.reaches(signOff, (n) => is(n, 'bpmn:ParallelGateway'));
      const parallel = forks.some((fork) => {
        const branches = graph.next(fork);
        return branches.some((a, i) =>
          branches.some((b, j) => i !== j
            && (toSuperior(a) || graph.reaches(a, toSuperior, (n) => n === fork).length > 0)
            && (toGovernment(b) || graph.reaches(b, toGovernment, (n) => n === fork).length > 0)));
      });
      if (!parallel) reporter.report(signOff.id!, `${label(signOff)}之后必须经并行网关同时报送上级主管部门和同级政府（双重上报）`);
    }
  }
  return { check };
}
