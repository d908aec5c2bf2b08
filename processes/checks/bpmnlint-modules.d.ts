// bpmnlint's rules and configurations are CommonJS without types: each exports a rule factory or a config.
declare module 'bpmnlint/rules/*' {
  const rule: (config?: unknown) => { check: unknown };
  export default rule;
}
declare module 'bpmnlint-plugin-camunda-compat/rules/*' {
  const rule: (config?: unknown) => { check: unknown };
  export default rule;
}
declare module 'bpmnlint/config/recommended.js' {
  const config: { rules: Record<string, unknown> };
  export default config;
}
declare module 'bpmnlint-plugin-camunda-compat' {
  const plugin: { configs: Record<string, { rules: Record<string, unknown> }> };
  export default plugin;
}
declare module 'bpmnlint' {
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(definitions: unknown): Promise<Record<string, { id?: string; message: string; category: 'error' | 'warn' | 'info' | 'rule-error' }[]>>;
  }
}
