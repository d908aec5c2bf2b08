import { z } from 'zod';

export const diagramParamsSchema = z.object({ bpmnProcessId: z.string().regex(/^[A-Za-z][\w.-]{0,99}$/) });

/**
 * Which deployment to draw (docs/adr/0061): a jurisdiction's version (流程版本 vN of the dossier) — both or neither;
 * without them, the shipped file.
 */
export const diagramQuerySchema = z
  .strictObject({
    jurisdiction: z.string().regex(/^\d{6}$/, '辖区代码为 6 位数字 / a jurisdiction is a 6-digit division code').optional(),
    version: z.coerce.number().int().min(1).max(1_000_000).optional(),
    lang: z.string().optional(),
  })
  .refine((q) => (q.jurisdiction === undefined) === (q.version === undefined), { path: ['version'], message: '辖区与版本须同时给出 / give both jurisdiction and version, or neither' });

/**
 * The BPMN files deployed at start (processes/), by the ids of the processes they define. The
 * current files: an instance of an older version shows the current layout (ids are kept stable).
 */
export function diagramsByProcessId(resources: { content: string }[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (const { content } of resources) {
    for (const match of content.matchAll(/<(?:bpmn:)?process\b[^>]*?\bid="([^"]+)"/g)) byId.set(match[1]!, content);
  }
  return byId;
}
