// bpmn-moddle ships no types; the reference makes the declaration visible to every package that compiles this file.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../vendor.d.ts" />
import { createRequire } from 'node:module';
import BpmnModdle from 'bpmn-moddle';

const require = createRequire(import.meta.url);
/** The Zeebe extension schema: makes zeebe:* elements typed moddle elements instead of unknown XML. */
export const zeebeSchema = require('zeebe-bpmn-moddle/resources/zeebe.json') as object;

export const moddleOptions = { zeebe: zeebeSchema };

export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

export interface ModdleContext {
  rootElement: ModdleElement & { rootElements?: ModdleElement[] };
  warnings: { message: string }[];
  references: unknown[];
  elementsById: Record<string, ModdleElement>;
}

export async function parseBpmn(xml: string): Promise<ModdleContext> {
  const moddle = new BpmnModdle(moddleOptions);
  return (await moddle.fromXML(xml.trim())) as unknown as ModdleContext;
}
