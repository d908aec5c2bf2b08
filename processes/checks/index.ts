export { checkBpmn, type CheckResult, type Finding } from './check-bpmn';
export type { BpmnProblem } from './xml-guard';
export { summarizeChanges, type ChangeSummary } from './change-summary';
export { compareVersions, ELEMENT_CHANGE_KINDS, type ElementDiff, type ElementChangeKind, type PropertyChange } from './compare-versions';
