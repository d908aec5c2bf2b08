import { HANDLED_TASK_TYPES } from '@kuaibao/domain';
import { allFlowElements, is, jobType, label, type ModdleNode, type Reporter } from '../moddle-node';

/** Every job type is one the worker answers: a service task nobody handles would hold the report forever. */
export default function jobTypeHasHandler() {
  function check(node: ModdleNode, reporter: Reporter) {
    if (!is(node, 'bpmn:Process')) return;
    for (const element of allFlowElements(node)) {
      const type = jobType(element);
      if (type === undefined) continue;
      if (!(HANDLED_TASK_TYPES as readonly string[]).includes(type)) {
        reporter.report(element.id!, `${label(element)}的任务类型「${type}」没有处理程序；请从步骤模板中选择`);
      }
    }
  }
  return { check };
}
