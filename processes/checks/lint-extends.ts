/** The bpmnlint configurations every designed process is checked with (besides kuaibao's own plugin). */
export const BASE_CONFIG_EXTENDS = ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'];
