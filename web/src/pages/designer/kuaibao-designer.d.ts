// Packages of the modeler stack that ship no types (or none for these entry points).
declare module 'bpmn-js-bpmnlint' {
  const module: Record<string, unknown>;
  export default module;
}
declare module 'bpmn-js-element-templates' {
  export const CloudElementTemplatesPropertiesProviderModule: Record<string, unknown>;
}
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: Record<string, unknown>;
  export const BpmnPropertiesProviderModule: Record<string, unknown>;
  export const ZeebePropertiesProviderModule: Record<string, unknown>;
}
declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: Record<string, unknown>;
  export default module;
}
declare module 'zeebe-bpmn-moddle/resources/zeebe.json' {
  const schema: Record<string, unknown>;
  export default schema;
}
