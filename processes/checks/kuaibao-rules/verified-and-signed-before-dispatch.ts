import { PROCESS_IDS } from '@kuaibao/domain';
import { flowGraph } from '../flow-graph';
import { is, label, type ModdleNode, type Reporter } from '../moddle-node';
import { isDispatch, isSignOff, isVerify } from './step-kinds';

/**
 * No report goes up unverified or unsigned (000: 双江 and 临翔 reported what nobody had checked; 003: "经本单位主要领导
 * 审签"): no path from the start reaches a dispatch without passing 审签, and in the 首报 flow without passing 核实 too.
 * 续报/终报 and 核报 answers are signed, not verified again (docs/adr/0010).
 */
export default function verifiedAndSignedBeforeDispatch() {
  function check(node: ModdleNode, reporter: Reporter) {
    if (!is(node, 'bpmn:Process')) return;
    const graph = flowGraph(node);
    const gates: [string, (n: ModdleNode) => boolean][] = [['审签', isSignOff]];
    if (node.id === PROCESS_IDS.incidentReport) gates.unshift(['核实', isVerify]);
    const reported = new Set<string>();
    for (const [step, gate] of gates) {
      for (const start of graph.starts) {
        for (const dispatch of graph.reaches(start, isDispatch, gate)) {
          const key = `${dispatch.id}:${step}`;
          if (reported.has(key)) continue;
          reported.add(key);
          reporter.report(dispatch.id!, `${label(dispatch)}可以不经${step}就报送：从${label(start)}到它的路径上必须先有${step}步骤`);
        }
      }
    }
  }
  return { check };
}
