// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./bpmnlint-modules.d.ts" />
// The server's check of a designed process: the XML guard, parsing, what the engine runs, and the designer's lint
// configuration (the same as the modeler's). Node only: the browser lints the modeler's own definitions.
import { createRequire } from 'node:module';
import { Linter } from 'bpmnlint';
import { designerLintConfig, type LintConfigOptions } from './lint-config';
import { allFlowElements, label, type ModdleNode } from './moddle-node';
import { guardXml, UNSUPPORTED_TYPES, type BpmnProblem } from './xml-guard';

const require = createRequire(import.meta.url);
const { default: BpmnModdle } = { default: require('bpmn-moddle') as new (extensions: object) => { fromXML(xml: string): Promise<{ rootElement: ModdleNode & { rootElements?: ModdleNode[] }; warnings: { message: string }[] }> } };
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json') as object;

export interface Finding {
  /** The element's id ('' for the whole document). */
  id: string;
  rule: string;
  category: 'error' | 'warning';
  message: string;
}

export type CheckResult =
  | { ok: false; problem: BpmnProblem }
  | { ok: true; processName: string; findings: Finding[]; errors: number };

/** Checks a designed BPMN document of process `bpmnProcessId`: a problem (400) or the lint findings (errors block deploy). */
export async function checkBpmn(xml: string, bpmnProcessId: string, options: LintConfigOptions = {}): Promise<CheckResult> {
  const guarded = guardXml(xml);
  if (guarded) return { ok: false, problem: guarded };
  let parsed: Awaited<ReturnType<InstanceType<typeof BpmnModdle>['fromXML']>>;
  try {
    parsed = await new BpmnModdle({ zeebe }).fromXML(xml);
  } catch (error) {
    const detail = (error as Error).message.split('\n')[0] ?? '';
    return { ok: false, problem: { code: 'malformed', zh: `BPMN 文件格式错误：${detail}`, en: `The BPMN file is malformed: ${detail}` } };
  }
  const definitions = parsed.rootElement;
  if (definitions.$type !== 'bpmn:Definitions') {
    return { ok: false, problem: { code: 'not_bpmn', zh: '不是 BPMN 2.0 文件（缺少 bpmn:definitions）', en: 'This is not a BPMN 2.0 file (no bpmn:definitions)' } };
  }
  const processes = (definitions.rootElements ?? []).filter((e) => e.$type === 'bpmn:Process');
  const process = processes.find((p) => p.id === bpmnProcessId);
  if (!process || processes.length !== 1) {
    return {
      ok: false,
      problem: { code: 'wrong_process', zh: `文件必须恰好包含一个流程，其 id 为 ${bpmnProcessId}`, en: `The file must hold exactly one process, with id ${bpmnProcessId}` },
    };
  }
  const unsupported = unsupportedElement(process);
  if (unsupported) return { ok: false, problem: unsupported };
  const { config, resolver } = designerLintConfig(options);
  const reports = await new Linter({ config, resolver }).lint(definitions);
  const byId = new Map(allFlowElements(process).map((e) => [e.id, e]));
  const imported: Finding[] = parsed.warnings.map((w) => ({ id: '', rule: 'import', category: 'error', message: `无法读取：${w.message.split('\n')[0]}` }));
  const findings = [
    ...imported,
    ...Object.entries(reports).flatMap(([rule, list]) =>
      list.map((r): Finding => {
        const element = r.id ? byId.get(r.id) : undefined;
        const kuaibao = rule.startsWith('kuaibao/');
        return {
          id: r.id ?? '',
          rule,
          category: r.category === 'error' || r.category === 'rule-error' ? 'error' : 'warning',
          message: kuaibao || !element ? r.message : `${label(element)}：${r.message}`,
        };
      })),
  ];
  return { ok: true, processName: process.name ?? bpmnProcessId, findings, errors: findings.filter((f) => f.category === 'error').length };
}

function unsupportedElement(process: ModdleNode): BpmnProblem | null {
  for (const element of allFlowElements(process)) {
    const type = [element.$type, ...(element.eventDefinitions ?? []).map((d) => d.$type)].find((t) => t in UNSUPPORTED_TYPES);
    if (type) {
      return {
        code: 'unsupported',
        zh: `${label(element)}使用了引擎不支持的${UNSUPPORTED_TYPES[type]}（${type}）`,
        en: `${element.id} uses ${type}, which the engine does not run`,
        elementId: element.id!,
      };
    }
  }
  return null;
}
