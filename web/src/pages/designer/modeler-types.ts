/** What the designer pages use of bpmn-js's services (bpmn-js ships its own types; these are the few calls we make). */
export interface ModdleElementLike {
  id: string;
  businessObject: { name?: string; $type: string };
  type: string;
}

export interface LintIssue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
}

export interface ModelerLike {
  importXML(xml: string): Promise<{ warnings: { message: string }[] }>;
  saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
  get<T = unknown>(name: string): T;
  on(event: string, callback: (event: Record<string, unknown>) => void): void;
  destroy(): void;
}
