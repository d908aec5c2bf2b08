import { PROCESS_IDS, TASK_TYPES } from '@kuaibao/domain';
import { flowGraph } from '../flow-graph';
import { header, is, jobType, label, type ModdleNode, type Reporter } from '../moddle-node';

/** The city government duty office's receipt of the report (市政府总值班室签收); the 越级 copy's receipt is not it. */
const isCityReceipt = (node: ModdleNode) => is(node, 'bpmn:UserTask') && header(node, 'kind') === 'receive_city';
/** Closed as 不属实 (not an incident): the report goes no further, on purpose (000 三（一）). */
const isClosedNotIncident = (node: ModdleNode) => jobType(node) === TASK_TYPES.close;
const isInterrupting = (node: ModdleNode) => is(node, 'bpmn:BoundaryEvent') && (node as { cancelActivity?: boolean }).cancelActivity !== false;

/**
 * Every path of a 首报 that is not closed as 不属实 ends with the city government duty office's receipt (000 三（二）:
 * the report reaches 市政府总值班室; 001, 002 alike). Paths are read as tokens run: of a parallel fork's branches one
 * must get there (the others — the 越级 copy, the 004 clearance — run beside it); of an exclusive, inclusive or
 * event-based choice, and of an interrupting boundary event, every alternative must. Non-interrupting boundary
 * events (催办, 迟报 marks) run beside the step they watch. The finding names each end event reached without it.
 */
export default function firstReportEndsWithCityReceipt() {
  function check(node: ModdleNode, reporter: Reporter) {
    if (!is(node, 'bpmn:Process') || node.id !== PROCESS_IDS.incidentReport) return;
    const graph = flowGraph(node);
    const memo = new Map<ModdleNode, boolean>();
    const visiting = new Set<ModdleNode>();

    const parts = (n: ModdleNode) => {
      const next = graph.next(n);
      const boundaries = next.filter((m) => is(m, 'bpmn:BoundaryEvent') && m.attachedToRef === n);
      return { flows: next.filter((m) => !boundaries.includes(m)), interrupting: boundaries.filter(isInterrupting) };
    };
    const anyBranch = (n: ModdleNode) => is(n, 'bpmn:ParallelGateway') && parts(n).flows.length > 1;

    /** A branch the report goes on in: it can reach the report's completion or its dispatch to the city duty office. */
    const carriesReport = (n: ModdleNode) =>
      [n, ...graph.reaches(n, () => true)].some((m) => jobType(m) === TASK_TYPES.complete || isCityReceipt(m) || (jobType(m) === TASK_TYPES.dispatch && header(m, 'recipient') === 'cityDutyOffice'));

    function ok(n: ModdleNode): boolean {
      if (isCityReceipt(n) || isClosedNotIncident(n)) return true;
      const known = memo.get(n);
      if (known !== undefined) return known;
      // A loop (a report returned for revision) is judged by where it leaves the loop
      if (visiting.has(n)) return true;
      visiting.add(n);
      const { flows, interrupting } = parts(n);
      const flowsOk = flows.length === 0 ? false : anyBranch(n) ? flows.some(ok) : flows.every(ok);
      const result = flowsOk && interrupting.every(ok);
      visiting.delete(n);
      memo.set(n, result);
      return result;
    }

    /** The end events (or dead ends) that make `n` fail, following only the failing alternatives. */
    function failing(n: ModdleNode, seen: Set<ModdleNode>): ModdleNode[] {
      if (seen.has(n) || ok(n)) return [];
      seen.add(n);
      const { flows, interrupting } = parts(n);
      if (flows.length === 0) return [n];
      // Of a failed fork, the branches the report itself takes (not the 越级 copy's or another side branch)
      const main = anyBranch(n) ? flows.filter(carriesReport) : flows;
      return [...(main.length > 0 ? main : flows), ...interrupting].flatMap((m) => failing(m, seen));
    }

    for (const start of graph.starts) {
      for (const end of failing(start, new Set())) {
        reporter.report(end.id!, `${label(end)}：首报可在此结束而未经市政府总值班室签收。除以不属实关闭外，每条路径都必须以市政府总值班室签收结束`);
      }
    }
  }
  return { check };
}
