export { checkBpmn, type CheckResult, type Finding } from './check-bpmn';
export type { BpmnProblem } from './xml-guard';
export { summarizeChanges, type ChangeSummary } from './change-summary';
