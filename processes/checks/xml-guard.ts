import { MAX_BPMN_BYTES } from '@kuaibao/domain';

/** Why a document is refused before or while it is read (400, nothing stored): each with its Chinese and English words. */
export interface BpmnProblem {
  code: 'too_large' | 'doctype' | 'not_xml' | 'not_bpmn' | 'malformed' | 'unsupported' | 'wrong_process';
  zh: string;
  en: string;
  elementId?: string;
}

/**
 * What is refused before any parser sees the text: over the size limit; a DOCTYPE or entity declaration (no BPMN needs
 * one; refusing them closes entity bombs and external entities whatever the parser would do); not XML at all.
 */
export function guardXml(xml: string): BpmnProblem | null {
  const bytes = new TextEncoder().encode(xml).length;
  if (bytes > MAX_BPMN_BYTES) {
    return { code: 'too_large', zh: `BPMN 文件过大（${bytes} 字节，上限 ${MAX_BPMN_BYTES}）`, en: `The BPMN file is too large (${bytes} bytes, at most ${MAX_BPMN_BYTES})` };
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    return { code: 'doctype', zh: 'BPMN 文件不得包含 DOCTYPE 或实体声明', en: 'A BPMN file may not contain a DOCTYPE or entity declarations' };
  }
  const start = xml.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('<')) return { code: 'not_xml', zh: '不是 XML 文件', en: 'This is not an XML file' };
  if (!/<([\w-]+:)?definitions[\s>]/.test(start) || !start.includes('http://www.omg.org/spec/BPMN/20100524/MODEL')) {
    return { code: 'not_bpmn', zh: '不是 BPMN 2.0 文件（缺少 bpmn:definitions）', en: 'This is not a BPMN 2.0 file (no bpmn:definitions)' };
  }
  return null;
}

/** Element types and event definitions the embedded engine does not run (docs/adr/0004). */
export const UNSUPPORTED_TYPES: Record<string, string> = {
  'bpmn:CallActivity': '调用活动',
  'bpmn:Transaction': '事务子流程',
  'bpmn:ComplexGateway': '复杂网关',
  'bpmn:AdHocSubProcess': '自由子流程',
  'bpmn:SignalEventDefinition': '信号事件',
  'bpmn:EscalationEventDefinition': '升级事件',
  'bpmn:CompensateEventDefinition': '补偿事件',
  'bpmn:ConditionalEventDefinition': '条件事件',
};
