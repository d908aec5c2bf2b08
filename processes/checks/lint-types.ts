/** A bpmnlint rule factory: called with the rule's configuration, returns the rule's check. */
export type RuleFactory = (config?: unknown) => { check: unknown };
